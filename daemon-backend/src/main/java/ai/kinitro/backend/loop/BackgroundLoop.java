package ai.kinitro.backend.loop;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@code body} every {@code interval} on a thread named {@code kinitro-<name>}, from start-up
 * until shutdown. A failing iteration is logged with the loop's name and counted; the loop goes on.
 * {@link #wake()} runs an iteration now (for example after a notification). A zero interval
 * disables the loop (tests drive {@code pollOnce()} themselves).
 */
public final class BackgroundLoop implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

  private final String name;
  private final Duration interval;
  private final Runnable body;
  private final int phase;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong iterations = new AtomicLong();
  private volatile ScheduledExecutorService executor;

  public BackgroundLoop(String name, Duration interval, Runnable body, int phase) {
    this.name = Objects.requireNonNull(name, "name");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.body = Objects.requireNonNull(body, "body");
    this.phase = phase;
  }

  public BackgroundLoop(String name, Duration interval, Runnable body) {
    this(name, interval, body, 0);
  }

  @Override
  public synchronized void start() {
    if (executor != null || interval.isZero() || interval.isNegative()) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kinitro-" + name).daemon(true).factory());
    executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Loop {} started, every {}", name, interval);
  }

  /** Runs an iteration soon on the loop's thread (no-op when the loop is disabled). */
  public void wake() {
    ScheduledExecutorService e = executor;
    if (e != null) {
      try {
        e.execute(this::runOnce);
      } catch (java.util.concurrent.RejectedExecutionException ignored) {
        // shutting down
      }
    }
  }

  private void runOnce() {
    iterations.incrementAndGet();
    try {
      body.run();
    } catch (Throwable t) {
      failures.incrementAndGet();
      LOG.warn("Loop {} iteration failed ({} failures so far); it goes on", name, failures.get(), t);
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService e = executor;
    executor = null;
    if (e != null) {
      e.shutdown();
      try {
        if (!e.awaitTermination(10, TimeUnit.SECONDS)) {
          e.shutdownNow();
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        e.shutdownNow();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  @Override
  public int getPhase() {
    return phase;
  }

  public String name() {
    return name;
  }

  public long failures() {
    return failures.get();
  }

  public long iterations() {
    return iterations.get();
  }
}
