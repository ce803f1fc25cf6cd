package ai.kinitro.validator.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Weight setting ({@code kinitro.validator.weights.*}).
 *
 * @param enabled set weights at all (turn off on a validator that only evaluates)
 * @param checkInterval how often the weights duty looks at the chain (reveal due? rate limit over?)
 * @param reapplyInterval the cadence: the newest unexpired snapshot is set again this often
 * @param blockTime the chain's block time, to turn block counts into waits
 * @param liteUrl lite mode: the backend's weights endpoint
 * @param litePollInterval lite mode: poll period; errors back off doubling up to max(10 × this, 5 min)
 * @param liteRequestTimeout lite mode: HTTP timeout
 * @param staleThreshold lite mode: snapshots computed longer ago than this are refused (§10 #28)
 */
@ConfigurationProperties("kinitro.validator.weights")
public record WeightsProperties(
    Boolean enabled, Duration checkInterval, Duration reapplyInterval, Duration blockTime, URI liteUrl,
    Duration litePollInterval, Duration liteRequestTimeout, Duration staleThreshold) {
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(12);
  public static final Duration DEFAULT_REAPPLY_INTERVAL = Duration.ofMinutes(20);
  public static final Duration DEFAULT_BLOCK_TIME = Duration.ofSeconds(12);
  public static final URI DEFAULT_LITE_URL = URI.create("https://api.kinitro.ai/weights");
  public static final Duration DEFAULT_LITE_POLL_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_LITE_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_STALE_THRESHOLD = Duration.ofSeconds(180);

  public WeightsProperties {
    enabled = enabled == null || enabled;
    checkInterval = Settings.positive(checkInterval, DEFAULT_CHECK_INTERVAL, "kinitro.validator.weights.check-interval");
    reapplyInterval = Settings.positive(reapplyInterval, DEFAULT_REAPPLY_INTERVAL, "kinitro.validator.weights.reapply-interval");
    blockTime = Settings.positive(blockTime, DEFAULT_BLOCK_TIME, "kinitro.validator.weights.block-time");
    liteUrl = liteUrl == null ? DEFAULT_LITE_URL : liteUrl;
    litePollInterval = Settings.positive(litePollInterval, DEFAULT_LITE_POLL_INTERVAL, "kinitro.validator.weights.lite-poll-interval");
    liteRequestTimeout = Settings.positive(liteRequestTimeout, DEFAULT_LITE_REQUEST_TIMEOUT,
        "kinitro.validator.weights.lite-request-timeout");
    staleThreshold = Settings.positive(staleThreshold, DEFAULT_STALE_THRESHOLD, "kinitro.validator.weights.stale-threshold");
  }

  /** Lite mode: the longest error backoff. */
  public Duration liteMaxBackoff() {
    Duration tenPolls = litePollInterval.multipliedBy(10);
    Duration fiveMinutes = Duration.ofMinutes(5);
    return tenPolls.compareTo(fiveMinutes) > 0 ? tenPolls : fiveMinutes;
  }
}
