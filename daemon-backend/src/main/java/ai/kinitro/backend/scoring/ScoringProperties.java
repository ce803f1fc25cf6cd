package ai.kinitro.backend.scoring;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kinitro.scoring.*}: the score cycle and the weights it produces.
 *
 * @param enabled run the periodic cycle (default true; tests drive {@code ScoreCycle.pollOnce()})
 * @param interval time between cycles (default {@value #DEFAULT_INTERVAL})
 * @param initialDelay delay before the first cycle (default {@value #DEFAULT_INITIAL_DELAY})
 * @param minValidators validators whose complete results a submission needs before it can become
 *     a leader candidate (default {@value #DEFAULT_MIN_VALIDATORS}, right for a single-validator
 *     development setup; use 2 or more in production so one validator cannot decide alone)
 * @param burnShare share of every competition's emission withheld from miners and given to the
 *     owner uid (default {@value #DEFAULT_BURN_SHARE})
 * @param ownerUid uid receiving the burn share and every unassigned share (default {@value #DEFAULT_OWNER_UID})
 * @param netuid deprecated: the weights are for {@code kinitro.chain.netuid}; when set, it must equal it
 *     (checked at start-up by {@code ai.kinitro.backend.chain.SubnetSettings}), else the backend does not start
 * @param weightsTtl how long a snapshot may be applied after it was computed (default {@value #DEFAULT_WEIGHTS_TTL})
 */
@Validated
@ConfigurationProperties("kinitro.scoring")
public record ScoringProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(DEFAULT_INTERVAL) @NotNull Duration interval,
    @DefaultValue(DEFAULT_INITIAL_DELAY) @NotNull Duration initialDelay,
    @DefaultValue("" + DEFAULT_MIN_VALIDATORS) @Min(1) @Max(1000) int minValidators,
    @DefaultValue("" + DEFAULT_BURN_SHARE) @DecimalMin("0.0") @DecimalMax("1.0") double burnShare,
    @DefaultValue("" + DEFAULT_OWNER_UID) @Min(0) @Max(65535) int ownerUid,
    @Min(0) @Max(65535) Integer netuid,
    @DefaultValue(DEFAULT_WEIGHTS_TTL) @NotNull Duration weightsTtl) {
  public static final String DEFAULT_INTERVAL = "5m";
  public static final String DEFAULT_INITIAL_DELAY = "10s";
  public static final int DEFAULT_MIN_VALIDATORS = 1;
  public static final double DEFAULT_BURN_SHARE = 0.98;
  public static final int DEFAULT_OWNER_UID = 4;
  public static final String DEFAULT_WEIGHTS_TTL = "20m";

  public ScoringProperties {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("kinitro.scoring.interval must be positive");
    }
    if (weightsTtl.isNegative() || weightsTtl.isZero()) {
      throw new IllegalArgumentException("kinitro.scoring.weights-ttl must be positive");
    }
  }
}
