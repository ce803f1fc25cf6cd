package ai.kinitro.queue.job;

import java.util.Objects;

/**
 * A job the reaper took back from a dead owner.
 *
 * @param queue the queue
 * @param id the job id
 * @param deadOwner the owner that stopped heartbeating
 * @param attempts attempts made so far
 * @param outcome back to the queue (after backoff) or parked (attempts exhausted)
 */
public record ReapedJob(String queue, String id, String deadOwner, int attempts, FailOutcome outcome) {
  public ReapedJob {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(deadOwner, "deadOwner");
    Objects.requireNonNull(outcome, "outcome");
  }
}
