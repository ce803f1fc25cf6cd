package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.UUID;

/**
 * Backend → validator, durable: evaluate one submission on one benchmark. Acked with {@link
 * DeliveryAck} once the validator has stored the job; redelivered until then.
 *
 * @param messageId delivery id (see {@link DurableMessage})
 * @param jobId the job (64-bit, decimal string)
 * @param submissionId the submission (64-bit, decimal string)
 * @param competitionId the competition
 * @param minerHotkey the miner who submitted
 * @param benchmark what to run
 * @param artifact where to download the submission
 * @param deadline the validator must send a terminal {@code eval_result} before this instant
 *     (reporting TIMEOUT itself if it cannot finish)
 * @param createdAt when the backend created the job
 */
public record EvalJob(
    UUID messageId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
    String competitionId,
    String minerHotkey,
    BenchmarkSpec benchmark,
    Artifact artifact,
    Instant deadline,
    Instant createdAt)
    implements ValidatorMessage, DurableMessage {
  public EvalJob {
    Fields.required(messageId, "message_id");
    Fields.id(jobId, "job_id");
    Fields.id(submissionId, "submission_id");
    Fields.token(competitionId, "competition_id");
    Fields.hotkey(minerHotkey, "miner_hotkey");
    Fields.required(benchmark, "benchmark");
    Fields.required(artifact, "artifact");
    Fields.required(deadline, "deadline");
    Fields.required(createdAt, "created_at");
    Fields.notBefore(deadline, createdAt, "deadline", "created_at");
  }
}
