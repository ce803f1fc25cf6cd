package ai.kinitro.backend.competition;

import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.time.Instant;
import java.util.List;

/**
 * The body of create and update (PUT replaces every field). Optional thresholds default to the
 * constants below; the admin CLI reads the same shape from JSON or YAML.
 */
public record CompetitionRequest(
    String name,
    String description,
    List<BenchmarkDefinition> benchmarks,
    Integer points,
    Double minAvgReward,
    Double winMarginPct,
    Double minSuccessRate,
    Long submissionHoldoutSeconds,
    Long submissionMaxSizeBytes,
    Long submissionUploadWindowSeconds,
    Integer submissionUploadsPerWindow,
    Instant startTime,
    Instant endTime) {
  public static final double DEFAULT_MIN_AVG_REWARD = 0.0;
  public static final double DEFAULT_WIN_MARGIN_PCT = 0.05;
  public static final double DEFAULT_MIN_SUCCESS_RATE = 1.0;
  public static final long DEFAULT_HOLDOUT_SECONDS = 300;
}
