package ai.kinitro.queue.job;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.queue.BackgroundLoop;
import ai.kinitro.queue.notify.Wakeups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes one queue with a fixed number of workers (virtual threads named {@code
 * kq-worker-<queue>-N}). Two duties run on their own threads: the poller ({@code
 * kq-poll-<queue>}) claims only as many jobs as there are free workers, polls again at once after
 * a full batch and otherwise waits for a wake-up or the poll interval; the heartbeater ({@code
 * kq-heartbeat-<queue>}) refreshes the claims of running jobs and flags lost ones. Tests drive the
 * same steps with {@link #pollOnce()} and {@link #heartbeatOnce()}.
 *
 * <p>Shutdown order ({@link #close()}): stop claiming; let running jobs finish until the deadline;
 * interrupt the rest and give their claims back; stop heartbeating last, so no running job is
 * reaped while it drains.
 */
public final class JobWorkerPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkerPool.class);

  private final JobQueue queue;
  private final Wakeups wakeups;
  private final JobHandler handler;
  private final WorkerSettings settings;
  private final ExecutorService workers;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong lostLeases = new AtomicLong();
  private volatile boolean accepting = true;
  private BackgroundLoop poller;
  private BackgroundLoop heartbeater;

  private record Running(ClaimedJob job, AtomicBoolean lostFlag) implements JobHandler.Lease {
    @Override
    public boolean lost() {
      return lostFlag.get();
    }
  }

  public JobWorkerPool(JobQueue queue, Wakeups wakeups, JobHandler handler, WorkerSettings settings) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.wakeups = Objects.requireNonNull(wakeups, "wakeups");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.workers = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("kq-worker-" + settings.queue() + "-", 1).factory());
  }

  /** Starts the poller and the heartbeater. */
  public synchronized JobWorkerPool start() {
    if (poller == null) {
      heartbeater = BackgroundLoop.start("kq-heartbeat-" + settings.queue(),
          () -> {
            heartbeatOnce();
            return false;
          },
          BackgroundLoop.Pause.sleep(settings.heartbeatInterval()));
      poller = BackgroundLoop.start("kq-poll-" + settings.queue(), this::pollFull,
          () -> wakeups.await(settings.queue(), settings.pollInterval()));
    }
    return this;
  }

  private boolean pollFull() {
    int free = freeWorkers();
    return free > 0 && pollOnce() == free;
  }

  /** Free workers now. */
  public int freeWorkers() {
    return accepting ? Math.max(0, settings.workers() - running.size()) : 0;
  }

  /** Jobs running now. */
  public int inFlight() {
    return running.size();
  }

  /**
   * Claims as many due jobs as there are free workers and starts them.
   *
   * @return how many were claimed
   */
  public int pollOnce() {
    int free = freeWorkers();
    if (free == 0) {
      return 0;
    }
    List<ClaimedJob> claimed = queue.claim(settings.queue(), settings.owner(), free);
    for (ClaimedJob job : claimed) {
      Running r = new Running(job, new AtomicBoolean());
      running.put(job.id(), r);
      workers.execute(() -> execute(r));
    }
    return claimed.size();
  }

  /**
   * Heartbeats every running job; jobs whose claim was lost are flagged so their handler can stop
   * (their result will be refused anyway).
   *
   * @return how many claims were found lost
   */
  public int heartbeatOnce() {
    List<ClaimedJob> jobs = running.values().stream().map(Running::job).toList();
    if (jobs.isEmpty()) {
      return 0;
    }
    Set<String> lost = queue.heartbeat(settings.queue(), jobs);
    for (String id : lost) {
      Running r = running.get(id);
      if (r != null && r.lostFlag.compareAndSet(false, true)) {
        lostLeases.incrementAndGet();
        LOG.warn("Lost the claim on job {} of queue {} (reaped or taken over); its result will be discarded", id, settings.queue());
      }
    }
    return lost.size();
  }

  private void execute(Running r) {
    ClaimedJob job = r.job();
    try {
      handler.run(job, r);
      queue.complete(job);
      completed.incrementAndGet();
    } catch (Throwable t) {
      if (t instanceof KinitroException k && k.code() == ErrorCode.QUEUE_LEASE_LOST) {
        lostLeases.incrementAndGet();
        LOG.warn("Job {} of queue {}: {}", job.id(), settings.queue(), k.getMessage());
      } else {
        if (t instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        recordFailure(job, t);
      }
    } finally {
      running.remove(job.id());
      wakeups.signal(settings.queue());
    }
  }

  private void recordFailure(ClaimedJob job, Throwable t) {
    failed.incrementAndGet();
    boolean retryable = !(t instanceof KinitroException k && k.code().category() == ErrorCategory.USER);
    try {
      FailOutcome outcome = queue.fail(job, t.toString(), retryable);
      LOG.warn("Job {} of queue {} failed on attempt {}/{} ({}): {}", job.id(), settings.queue(), job.attempt(),
          job.maxAttempts(), outcome, t.toString());
    } catch (RuntimeException e) {
      LOG.error("Job {} of queue {} failed ({}) and recording the failure failed too; the reaper will return it: {}",
          job.id(), settings.queue(), t, e.toString());
    }
  }

  /** Jobs completed by this pool. */
  public long completed() {
    return completed.get();
  }

  /** Attempts that failed. */
  public long failed() {
    return failed.get();
  }

  /** Claims found lost. */
  public long lostLeases() {
    return lostLeases.get();
  }

  /** Background-loop failures (poller + heartbeater). */
  public long loopFailures() {
    return (poller == null ? 0 : poller.failures()) + (heartbeater == null ? 0 : heartbeater.failures());
  }

  @Override
  public void close() {
    accepting = false;
    BackgroundLoop p;
    BackgroundLoop h;
    synchronized (this) {
      p = poller;
      h = heartbeater;
    }
    if (p != null) {
      p.stop(Duration.ofSeconds(10));
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(settings.shutdownDeadline().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} job(s) of queue {} still running after {}; interrupting them and giving their claims back",
            running.size(), settings.queue(), settings.shutdownDeadline());
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    for (Running r : running.values()) {
      try {
        queue.release(r.job());
      } catch (RuntimeException e) {
        LOG.warn("Could not give back job {} of queue {}; the reaper will: {}", r.job().id(), settings.queue(), e.toString());
      }
    }
    if (h != null) {
      h.stop(Duration.ofSeconds(10));
    }
  }
}
