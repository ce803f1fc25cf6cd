package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.Metrics;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Validator → backend, durable: the terminal outcome of a job on this validator. Exactly one is
 * stored per (job, validator); a redelivery is acked as duplicate. Every terminal outcome is
 * reported, including timeouts and runtime failures. Miner, competition and benchmark are derived
 * by the backend from the job.
 *
 * @param messageId delivery id
 * @param jobId the job
 * @param status COMPLETED, FAILED or TIMEOUT
 * @param metrics aggregate metrics; required when COMPLETED, optional (partial) otherwise
 * @param tasks per-task breakdown (may be empty when the job failed before any task ran)
 * @param error what went wrong; required when FAILED or TIMEOUT, absent when COMPLETED
 * @param timings when the job was received, started and finished
 * @param logs bounded inline logs and/or a log-bundle reference (optional; omitted when none)
 */
public record EvalResult(
    UUID messageId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    EvaluationStatus status,
    Optional<Metrics> metrics,
    List<TaskResult> tasks,
    Optional<ErrorDetail> error,
    Timings timings,
    Optional<ResultLogs> logs)
    implements ValidatorMessage, DurableMessage {
  /** A result without logs. */
  public EvalResult(UUID messageId, long jobId, EvaluationStatus status, Optional<Metrics> metrics, List<TaskResult> tasks,
      Optional<ErrorDetail> error, Timings timings) {
    this(messageId, jobId, status, metrics, tasks, error, timings, Optional.empty());
  }

  public EvalResult {
    Fields.required(messageId, "message_id");
    Fields.id(jobId, "job_id");
    Fields.required(status, "status");
    metrics = Fields.optional(metrics);
    tasks = Fields.listOrEmpty(tasks, "tasks");
    Fields.unique(tasks, TaskResult::taskId, "tasks");
    error = Fields.optional(error);
    Fields.required(timings, "timings");
    logs = Fields.optional(logs);
    switch (status) {
      case COMPLETED -> {
        if (metrics.isEmpty()) {
          throw Fields.invalid("metrics", "is required when 'status' is COMPLETED");
        }
        if (error.isPresent()) {
          throw Fields.invalid("error", "must be absent when 'status' is COMPLETED");
        }
      }
      case FAILED, TIMEOUT -> {
        if (error.isEmpty()) {
          throw Fields.invalid("error", "is required when 'status' is " + status);
        }
      }
      case QUEUED, STARTING, RUNNING, CANCELLED ->
          throw Fields.invalid("status", "must be COMPLETED, FAILED or TIMEOUT");
    }
  }
}
