package ai.kinitro.backend.job;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of the append-only {@code job_status_events} audit: one status change of a job (on one validator, or of the whole job). */
@Table("job_status_events")
public record JobStatusEvent(
    @Id long id,
    long jobId,
    Long assignmentId,
    String validatorHotkey,
    AssignmentStatus status,
    FailureClass failureClass,
    String detail,
    UUID messageId,
    Instant createdAt) {
  public JobStatusEvent {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
