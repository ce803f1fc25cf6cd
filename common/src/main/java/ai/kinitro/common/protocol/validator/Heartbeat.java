package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import java.time.Instant;

/**
 * Validator → backend, every {@code heartbeat_interval_seconds}: liveness and load.
 *
 * @param timestamp the validator's clock when sent
 * @param queueDepth jobs received and not yet started
 * @param jobsInFlight jobs currently being evaluated
 */
public record Heartbeat(Instant timestamp, int queueDepth, int jobsInFlight) implements ValidatorMessage {
  public Heartbeat {
    Fields.required(timestamp, "timestamp");
    Fields.atLeast(queueDepth, 0, "queue_depth");
    Fields.atLeast(jobsInFlight, 0, "jobs_in_flight");
  }
}
