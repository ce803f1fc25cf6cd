package ai.kinitro.queue.job;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JobWorkerPool} consumes one queue.
 *
 * @param queue the queue to consume
 * @param owner this consumer's unique name (host + process + instance); recorded on claimed rows
 * @param workers jobs run at once; the pool never claims more than it has free workers
 * @param pollInterval longest wait between polls when no wake-up arrives (the safety net)
 * @param heartbeatInterval how often running jobs are heartbeated
 * @param shutdownDeadline how long {@code close()} lets running jobs finish before interrupting them
 */
public record WorkerSettings(
    String queue, String owner, int workers, Duration pollInterval, Duration heartbeatInterval, Duration shutdownDeadline) {
  public WorkerSettings {
    NewJob.requireName(queue, "queue");
    NewJob.requireName(owner, "owner");
    if (workers < 1) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "workers must be at least 1, was " + workers);
    }
    positive(pollInterval, "pollInterval");
    positive(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(shutdownDeadline, "shutdownDeadline");
  }

  static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, name + " must be positive, was " + d);
    }
  }
}
