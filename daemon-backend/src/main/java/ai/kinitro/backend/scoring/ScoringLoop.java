package ai.kinitro.backend.scoring;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ScoreCycle#pollOnce()} every {@code kinitro.scoring.interval} on one named thread. An
 * iteration that throws is logged and counted and the loop continues; it never dies. Stops with
 * the application (waits up to 10 s for a running cycle).
 */
@Component
public class ScoringLoop implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ScoringLoop.class);

  private final ScoreCycle cycle;
  private final ScoringProperties properties;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong runNanos = new AtomicLong();
  private volatile ScheduledExecutorService executor;

  public ScoringLoop(ScoreCycle cycle, ScoringProperties properties) {
    this.cycle = cycle;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kinitro-scoring").daemon(true).factory());
    executor.scheduleWithFixedDelay(this::runSafely, properties.initialDelay().toMillis(), properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Score cycle every {} (first in {})", properties.interval(), properties.initialDelay());
  }

  void runSafely() {
    long started = System.nanoTime();
    try {
      cycle.pollOnce();
      runNanos.addAndGet(System.nanoTime() - started);
      runs.incrementAndGet();
    } catch (Throwable t) {
      failures.incrementAndGet();
      LOG.error("Score cycle failed (failure {}); the next one runs in {}", failures.get(), properties.interval(), t);
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdown();
      try {
        if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
          running.shutdownNow();
        }
      } catch (InterruptedException e) {
        running.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  /** Cycles that failed since start. */
  public long failures() {
    return failures.get();
  }

  /** Cycles that completed since start. */
  public long runs() {
    return runs.get();
  }

  /** Time spent in the cycles that completed, in nanoseconds (with {@link #runs()}: a timer). */
  public long runNanos() {
    return runNanos.get();
  }
}
