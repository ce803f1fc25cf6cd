package ai.kinitro.queue.job;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job to enqueue.
 *
 * @param queue the logical queue (e.g. {@code evaluation})
 * @param id the job's id, unique within the queue; enqueueing an existing id changes nothing
 * @param payload the job (usually the protocol frame that carried it)
 * @param priority higher runs first
 * @param runAt not before this instant; empty means now
 * @param maxAttempts attempts before the job is parked
 */
public record NewJob(String queue, String id, String payload, int priority, Optional<Instant> runAt, int maxAttempts) {
  /** Attempts before a job is parked when the caller does not say. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  public NewJob {
    requireName(queue, "queue");
    requireName(id, "id");
    Objects.requireNonNull(payload, "payload");
    runAt = Objects.requireNonNullElse(runAt, Optional.empty());
    if (maxAttempts < 1) {
      throw new KinitroException(ErrorCode.QUEUE_ITEM_REJECTED, "maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** A job due now with default priority and attempts. */
  public static NewJob of(String queue, String id, String payload) {
    return new NewJob(queue, id, payload, 0, Optional.empty(), DEFAULT_MAX_ATTEMPTS);
  }

  static void requireName(String value, String field) {
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new KinitroException(ErrorCode.QUEUE_ITEM_REJECTED, field + " must be 1 to 200 characters, was " + value);
    }
  }
}
