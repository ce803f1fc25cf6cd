package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Fields;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Validator → backend, durable: progress of a job on this validator. Only non-terminal statuses;
 * the outcome is reported with {@link EvalResult}. Miner, competition and benchmark are not sent:
 * the backend derives them from the job it assigned to this validator.
 *
 * @param messageId delivery id
 * @param jobId the job
 * @param status QUEUED, STARTING or RUNNING
 * @param detail human-readable detail (e.g. "waiting for cluster capacity")
 * @param timestamp when the status changed on the validator
 */
public record JobStatusUpdate(
    UUID messageId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    EvaluationStatus status,
    Optional<String> detail,
    Instant timestamp)
    implements ValidatorMessage, DurableMessage {
  public JobStatusUpdate {
    Fields.required(messageId, "message_id");
    Fields.id(jobId, "job_id");
    Fields.required(status, "status");
    if (status.terminal()) {
      throw Fields.invalid("status", "must be QUEUED, STARTING or RUNNING; terminal outcomes are sent with eval_result");
    }
    detail = Fields.optionalText(detail, "detail", Fields.MAX_TEXT_LENGTH);
    Fields.required(timestamp, "timestamp");
  }
}
