package ai.kinitro.queue;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named background loop that never dies: each iteration runs {@link Step#run()}; an exception is
 * caught, logged with the loop's name, counted ({@link #failures()}) and followed by the normal
 * pause, so one bad iteration never stops the duty. {@link #close()} stops it and waits for the
 * current iteration.
 */
public final class BackgroundLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

  /** One iteration. */
  @FunctionalInterface
  public interface Step {
    /** @return true to run again at once (e.g. a full batch was just processed) */
    boolean run() throws Exception;
  }

  /** The wait between iterations; may return early (a wake-up). */
  @FunctionalInterface
  public interface Pause {
    void await() throws InterruptedException;

    /** A fixed sleep. */
    static Pause sleep(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      return () -> Thread.sleep(interval);
    }
  }

  private final String name;
  private final Step step;
  private final Pause pause;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong iterations = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private BackgroundLoop(String name, Step step, Pause pause) {
    this.name = Objects.requireNonNull(name, "name");
    this.step = Objects.requireNonNull(step, "step");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
  }

  /** Starts a loop on a platform thread named {@code name}. */
  public static BackgroundLoop start(String name, Step step, Pause pause) {
    BackgroundLoop loop = new BackgroundLoop(name, step, pause);
    loop.thread.start();
    return loop;
  }

  private void loop() {
    while (running) {
      boolean again = false;
      try {
        again = step.run();
        iterations.incrementAndGet();
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
        Thread.interrupted();
      } catch (Throwable t) {
        if (t instanceof VirtualMachineError vme) {
          throw vme;
        }
        failures.incrementAndGet();
        LOG.error("Background loop {} failed (failure #{}); it continues: {}", name, failures.get(), t.toString(), t);
      }
      if (!again && running) {
        try {
          pause.await();
        } catch (InterruptedException e) {
          if (!running) {
            return;
          }
          Thread.interrupted();
        }
      }
    }
  }

  /** The thread's name. */
  public String name() {
    return name;
  }

  /** Iterations that threw (metrics). */
  public long failures() {
    return failures.get();
  }

  /** Iterations that completed. */
  public long iterations() {
    return iterations.get();
  }

  /** True while the thread runs. */
  public boolean alive() {
    return thread.isAlive();
  }

  /** Stops the loop and waits up to {@code deadline} for the current iteration to end. */
  public void stop(Duration deadline) {
    running = false;
    thread.interrupt();
    boolean interrupted = false;
    long end = System.nanoTime() + deadline.toNanos();
    while (thread.isAlive() && System.nanoTime() < end) {
      try {
        thread.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("Background loop {} did not stop within {}", name, deadline);
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }
}
