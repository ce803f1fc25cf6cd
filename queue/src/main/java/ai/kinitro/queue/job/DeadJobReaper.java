package ai.kinitro.queue.job;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.queue.BackgroundLoop;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-job reaper, a duty separate from heartbeating: a job is dead when {@code now -
 * last_heartbeat > heartbeatInterval × missedLimit}; it goes back to the queue (attempt counted,
 * due after the backoff) or is parked when its attempts are exhausted. Runs on a thread named
 * {@code kq-reaper}; tests call {@link #reapOnce()}.
 */
public final class DeadJobReaper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadJobReaper.class);

  /**
   * @param heartbeatInterval the consumers' heartbeat interval
   * @param missedLimit heartbeats a consumer may miss before its jobs are taken back
   * @param checkInterval how often the reaper looks
   */
  public record Settings(Duration heartbeatInterval, int missedLimit, Duration checkInterval) {
    public Settings {
      WorkerSettings.positive(heartbeatInterval, "heartbeatInterval");
      WorkerSettings.positive(checkInterval, "checkInterval");
      if (missedLimit < 1) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "missedLimit must be at least 1, was " + missedLimit);
      }
    }

    /** Silence after which a running job counts as dead. */
    public Duration deadAfter() {
      return heartbeatInterval.multipliedBy(missedLimit);
    }
  }

  private final JobQueue queue;
  private final Settings settings;
  private final AtomicLong reaped = new AtomicLong();
  private BackgroundLoop loop;

  public DeadJobReaper(JobQueue queue, Settings settings) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Takes back every dead job now. */
  public List<ReapedJob> reapOnce() {
    List<ReapedJob> jobs = queue.reapDead(settings.deadAfter());
    for (ReapedJob job : jobs) {
      LOG.warn("Reaped job {} of queue {}: owner {} stopped heartbeating for over {}; attempts {}, {}",
          job.id(), job.queue(), job.deadOwner(), settings.deadAfter(), job.attempts(), job.outcome());
    }
    reaped.addAndGet(jobs.size());
    return jobs;
  }

  /** Starts the {@code kq-reaper} thread. */
  public synchronized DeadJobReaper start() {
    if (loop == null) {
      loop = BackgroundLoop.start("kq-reaper", () -> {
            reapOnce();
            return false;
          },
          BackgroundLoop.Pause.sleep(settings.checkInterval()));
    }
    return this;
  }

  /** Jobs reaped so far. */
  public long reaped() {
    return reaped.get();
  }

  /** Iterations that failed (metrics). */
  public long failures() {
    return loop == null ? 0 : loop.failures();
  }

  @Override
  public synchronized void close() {
    if (loop != null) {
      loop.close();
      loop = null;
    }
  }
}
