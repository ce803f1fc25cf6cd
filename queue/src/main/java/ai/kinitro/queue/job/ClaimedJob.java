package ai.kinitro.queue.job;

import java.time.Instant;
import java.util.Objects;

/**
 * A job this owner has claimed. Every write about it is checked against {@link #version}: if the
 * job was reaped or taken over meanwhile, the write is refused.
 *
 * @param queue the queue
 * @param id the job id
 * @param payload the job
 * @param attempt this attempt's number, from 1
 * @param maxAttempts attempts before the job is parked
 * @param owner who claimed it
 * @param version the row version set by the claim
 * @param createdAt when the job was first enqueued
 * @param pickedAt when this claim happened
 */
public record ClaimedJob(
    String queue, String id, String payload, int attempt, int maxAttempts, String owner, long version,
    Instant createdAt, Instant pickedAt) {
  public ClaimedJob {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(pickedAt, "pickedAt");
  }

  /** True when a failure now would park the job instead of retrying it. */
  public boolean lastAttempt() {
    return attempt >= maxAttempts;
  }
}
