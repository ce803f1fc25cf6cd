package ai.kinitro.backend.result;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.FailureClass;
import ai.kinitro.backend.persistence.Jsonb;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code results}: the terminal outcome of one assignment. Miner, competition, submission
 * and benchmark are copied from the job, never from the validator's message. {@code messageId} is
 * the {@code eval_result} it came from; a redelivery finds it and changes nothing.
 */
@Table("results")
public record Result(
    @Id long id,
    long assignmentId,
    long jobId,
    long submissionId,
    long competitionId,
    String minerHotkey,
    String validatorHotkey,
    String benchmarkName,
    AssignmentStatus status,
    FailureClass failureClass,
    Double score,
    Double successRate,
    Double avgReward,
    Integer totalEpisodes,
    Jsonb tasks,
    Integer errorCode,
    String errorName,
    String errorMessage,
    Jsonb extra,
    UUID messageId,
    Instant receivedAt,
    Instant startedAt,
    Instant finishedAt,
    Instant resultTime,
    Instant createdAt,
    Instant updatedAt) {
  public Result {
    Objects.requireNonNull(minerHotkey, "minerHotkey");
    Objects.requireNonNull(validatorHotkey, "validatorHotkey");
    Objects.requireNonNull(benchmarkName, "benchmarkName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(extra, "extra");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(resultTime, "resultTime");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
