package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import java.time.Instant;
import java.util.Optional;

/**
 * When a job went through the validator.
 *
 * @param receivedAt when the validator stored the job
 * @param startedAt when evaluation started (absent if it never did)
 * @param finishedAt when the outcome was known
 */
public record Timings(Instant receivedAt, Optional<Instant> startedAt, Instant finishedAt) {
  public Timings {
    Fields.required(receivedAt, "received_at");
    startedAt = Fields.optional(startedAt);
    Fields.required(finishedAt, "finished_at");
    startedAt.ifPresent(s -> Fields.notBefore(s, receivedAt, "started_at", "received_at"));
    Fields.notBefore(finishedAt, startedAt.orElse(receivedAt), "finished_at", "started_at");
  }
}
