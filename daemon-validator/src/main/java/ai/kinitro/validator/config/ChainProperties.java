package ai.kinitro.validator.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The chain ({@code kinitro.validator.chain.*}).
 *
 * @param url the subtensor node's JSON-RPC WebSocket
 * @param versionKey the weights version key sent with every set/reveal; must be at least the
 *     subnet's {@code WeightsVersionKey}
 */
@ConfigurationProperties("kinitro.validator.chain")
public record ChainProperties(URI url, Long versionKey) {
  public static final URI DEFAULT_URL = URI.create("wss://entrypoint-finney.opentensor.ai:443");
  public static final long DEFAULT_VERSION_KEY = 0;

  public ChainProperties {
    url = url == null ? DEFAULT_URL : url;
    versionKey = versionKey == null ? DEFAULT_VERSION_KEY : versionKey;
    if (versionKey < 0) {
      throw Settings.invalid("kinitro.validator.chain.version-key", "must not be negative");
    }
  }
}
