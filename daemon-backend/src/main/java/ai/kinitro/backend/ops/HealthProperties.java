package ai.kinitro.backend.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the health components turn DOWN ({@code kinitro.health.*}).
 *
 * @param chainFailures consecutive failed chain-monitor cycles that make {@code chain} DOWN
 * @param chainStaleIntervals {@code chain} is DOWN when no cycle succeeded for this many poll
 *     intervals (counted from start-up before the first success)
 * @param vaultProbeInterval the vault is probed ({@code HeadBucket}) at most this often; health
 *     requests in between answer the cached result
 */
@ConfigurationProperties("kinitro.health")
public record HealthProperties(Integer chainFailures, Integer chainStaleIntervals, Duration vaultProbeInterval) {
  public static final int DEFAULT_CHAIN_FAILURES = 3;
  public static final int DEFAULT_CHAIN_STALE_INTERVALS = 5;
  public static final Duration DEFAULT_VAULT_PROBE_INTERVAL = Duration.ofSeconds(30);

  public HealthProperties {
    chainFailures = chainFailures == null ? DEFAULT_CHAIN_FAILURES : chainFailures;
    chainStaleIntervals = chainStaleIntervals == null ? DEFAULT_CHAIN_STALE_INTERVALS : chainStaleIntervals;
    vaultProbeInterval = vaultProbeInterval == null ? DEFAULT_VAULT_PROBE_INTERVAL : vaultProbeInterval;
    if (chainFailures < 1) {
      throw new IllegalArgumentException("kinitro.health.chain-failures must be at least 1, got " + chainFailures);
    }
    if (chainStaleIntervals < 2) {
      throw new IllegalArgumentException("kinitro.health.chain-stale-intervals must be at least 2 (the first cycle runs one "
          + "interval after start-up), got " + chainStaleIntervals);
    }
    if (vaultProbeInterval.isNegative()) {
      throw new IllegalArgumentException("kinitro.health.vault-probe-interval must not be negative, got " + vaultProbeInterval);
    }
  }

  /** The defaults. */
  public static HealthProperties defaults() {
    return new HealthProperties(null, null, null);
  }
}
