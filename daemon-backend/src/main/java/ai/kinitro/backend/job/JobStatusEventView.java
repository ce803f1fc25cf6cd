package ai.kinitro.backend.job;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One entry of a job's status history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatusEventView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    String validatorHotkey,
    AssignmentStatus status,
    FailureClass failureClass,
    String detail,
    Instant createdAt) {
  static JobStatusEventView of(JobStatusEvent e) {
    return new JobStatusEventView(e.id(), e.jobId(), e.validatorHotkey(), e.status(), e.failureClass(), e.detail(), e.createdAt());
  }
}
