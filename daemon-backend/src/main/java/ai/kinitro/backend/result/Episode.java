package ai.kinitro.backend.result;

import ai.kinitro.backend.persistence.Jsonb;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code episodes}, unique per (job, validator, task, episode index). When steps arrive
 * before the summary, a placeholder with {@code pendingSummary = true} is stored and overwritten
 * later.
 */
@Table("episodes")
public record Episode(
    @Id long id,
    long jobId,
    Long assignmentId,
    long submissionId,
    String validatorHotkey,
    String taskId,
    int episodeIndex,
    String envName,
    String benchmarkName,
    Boolean success,
    Double finalReward,
    Integer steps,
    Instant startedAt,
    Instant endedAt,
    Jsonb extraMetrics,
    boolean pendingSummary,
    UUID messageId,
    Instant createdAt,
    Instant updatedAt) {
  public Episode {
    Objects.requireNonNull(validatorHotkey, "validatorHotkey");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(extraMetrics, "extraMetrics");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
