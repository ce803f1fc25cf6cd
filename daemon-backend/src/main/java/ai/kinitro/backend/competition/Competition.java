package ai.kinitro.backend.competition;

import ai.kinitro.backend.persistence.Jsonb;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code competitions}: benchmark specs (a JSON list of {@code ai.kinitro.env.benchmark.BenchmarkDefinition}),
 * points, eligibility thresholds, upload limits, hold-out and the approved leader.
 */
@Table("competitions")
public record Competition(
    @Id long id,
    String name,
    String description,
    Jsonb benchmarks,
    int points,
    double minAvgReward,
    double winMarginPct,
    double minSuccessRate,
    long submissionHoldoutSeconds,
    Long submissionMaxSizeBytes,
    Long submissionUploadWindowSeconds,
    Integer submissionUploadsPerWindow,
    String currentLeaderHotkey,
    Double currentLeaderReward,
    Long currentLeaderCandidateId,
    Instant leaderUpdatedAt,
    boolean active,
    Instant startTime,
    Instant endTime,
    Instant createdAt,
    Instant updatedAt) {
  public Competition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(benchmarks, "benchmarks");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The same competition with another leader (null hotkey clears it). */
  public Competition withLeader(String hotkey, Double reward, Long candidateId, Instant at) {
    return new Competition(id, name, description, benchmarks, points, minAvgReward, winMarginPct, minSuccessRate,
        submissionHoldoutSeconds, submissionMaxSizeBytes, submissionUploadWindowSeconds, submissionUploadsPerWindow,
        hotkey, hotkey == null ? null : reward, hotkey == null ? null : candidateId, hotkey == null ? null : at,
        active, startTime, endTime, createdAt, at);
  }

  public Competition withActive(boolean value, Instant at) {
    return new Competition(id, name, description, benchmarks, points, minAvgReward, winMarginPct, minSuccessRate,
        submissionHoldoutSeconds, submissionMaxSizeBytes, submissionUploadWindowSeconds, submissionUploadsPerWindow,
        currentLeaderHotkey, currentLeaderReward, currentLeaderCandidateId, leaderUpdatedAt, value, startTime, endTime,
        createdAt, at);
  }

  /** Whether the per-window upload limit is configured. */
  public boolean hasUploadRateLimit() {
    return submissionUploadWindowSeconds != null && submissionUploadsPerWindow != null;
  }
}
