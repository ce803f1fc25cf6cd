package ai.kinitro.backend.chain;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The chain monitor's settings ({@code kinitro.chain.*}).
 *
 * @param netuid the subnet
 * @param pollInterval how often commitments are read (0 disables the loop)
 * @param metagraphTtl how long a metagraph snapshot answers membership checks
 * @param endpoint the chain node (subtensor or the dev chain), {@code ws://} or {@code http://}; absent:
 *     a static chain from {@code static-neurons} and no commitments
 * @param staticNeurons the neurons of the static chain used when no chain client is configured
 */
@ConfigurationProperties("kinitro.chain")
public record ChainConfig(
    Integer netuid, Duration pollInterval, Duration metagraphTtl, java.net.URI endpoint, List<StaticNeuron> staticNeurons) {
  public static final int DEFAULT_NETUID = 26;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_METAGRAPH_TTL = Duration.ofMinutes(1);

  /** A configured neuron of the static chain. */
  public record StaticNeuron(int uid, String hotkey, boolean validatorPermit) {}

  public ChainConfig {
    netuid = netuid == null ? DEFAULT_NETUID : netuid;
    if (netuid < 0 || netuid > 65535) {
      throw new IllegalArgumentException("kinitro.chain.netuid must be 0..65535");
    }
    pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    metagraphTtl = metagraphTtl == null ? DEFAULT_METAGRAPH_TTL : metagraphTtl;
    staticNeurons = staticNeurons == null ? List.of() : List.copyOf(staticNeurons);
  }

  @Override
  public String toString() {
    return "ChainConfig[netuid=" + netuid + ", pollInterval=" + pollInterval + ", metagraphTtl=" + metagraphTtl
        + ", endpoint=" + endpoint + ", staticNeurons=" + staticNeurons + "]";
  }
}
