package ai.kinitro.queue.job;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Depth of one queue, for metrics and heartbeats.
 *
 * @param ready jobs waiting (due now or later)
 * @param running jobs claimed and not finished
 * @param parked jobs that failed for good
 * @param oldestReadyAge age of the oldest waiting job, measured from when it was enqueued
 */
public record QueueStats(long ready, long running, long parked, Optional<Duration> oldestReadyAge) {
  public QueueStats {
    Objects.requireNonNull(oldestReadyAge, "oldestReadyAge");
  }
}
