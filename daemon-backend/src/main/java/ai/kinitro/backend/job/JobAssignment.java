package ai.kinitro.backend.job;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code job_assignments}: one job on one validator, delivered durably. {@code
 * deliveredMessageId} is the {@code eval_job} message last sent, {@code ackedMessageId} the one the
 * validator acknowledged. {@code version} guards concurrent updates: writers use {@code UPDATE ...
 * WHERE version = ?} and bump it.
 */
@Table("job_assignments")
public record JobAssignment(
    @Id long id,
    long jobId,
    String validatorHotkey,
    AssignmentStatus status,
    FailureClass failureClass,
    int attempts,
    Instant deadline,
    UUID deliveredMessageId,
    Instant deliveredAt,
    UUID ackedMessageId,
    Instant ackedAt,
    Instant startedAt,
    Instant finishedAt,
    int progressEpisodes,
    Integer totalEpisodes,
    String statusDetail,
    Integer errorCode,
    String errorMessage,
    int version,
    Instant createdAt,
    Instant updatedAt) {
  public JobAssignment {
    Objects.requireNonNull(validatorHotkey, "validatorHotkey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A fresh assignment waiting to be delivered. */
  public static JobAssignment queued(long id, long jobId, String validatorHotkey, Integer totalEpisodes, Instant now) {
    return new JobAssignment(id, jobId, validatorHotkey, AssignmentStatus.QUEUED, null, 0, null, null, null, null, null,
        null, null, 0, totalEpisodes, null, null, null, 0, now, now);
  }
}
