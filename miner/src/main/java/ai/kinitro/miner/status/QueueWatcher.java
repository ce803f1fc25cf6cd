package ai.kinitro.miner.status;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Reads a submission's jobs ({@code GET /jobs}) every {@code interval} while one of them waits in a
 * queue (or the submission has no job yet), and reports the waiting jobs whenever they change: the
 * realtime channel carries no queue-position event. Once the jobs exist and none waits it stops
 * polling until {@link #wake()} (a new job, or a job queued again). A failed read is reported once
 * per distinct message and retried at the next interval; the loop never dies.
 */
public final class QueueWatcher implements AutoCloseable {
  /** Called with the waiting jobs each time they change (an empty list once none waits). */
  @FunctionalInterface
  public interface Listener {
    void changed(List<QueuePosition> waiting);
  }

  private final Supplier<List<JsonNode>> jobs;
  private final Duration interval;
  private final Listener listener;
  private final Consumer<String> problems;
  private final LinkedBlockingQueue<Boolean> signals = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;
  private List<QueuePosition> last;
  private String lastProblem;
  private int polls;

  private QueueWatcher(Supplier<List<JsonNode>> jobs, Duration interval, Listener listener, Consumer<String> problems) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.problems = Objects.requireNonNull(problems, "problems");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the queue refresh interval must be positive, got " + interval);
    }
    this.thread = Thread.ofVirtual().name("queue-watcher").unstarted(this::loop);
  }

  /** Starts polling at once on a virtual thread. */
  public static QueueWatcher start(Supplier<List<JsonNode>> jobs, Duration interval, Listener listener,
      Consumer<String> problems) {
    QueueWatcher w = new QueueWatcher(jobs, interval, listener, problems);
    w.thread.start();
    return w;
  }

  /** Polls again now, and keeps polling while a job waits (call it when a job is created or queued again). */
  public void wake() {
    signals.offer(Boolean.TRUE);
  }

  /** How many times the jobs were read so far. */
  public synchronized int polls() {
    return polls;
  }

  @Override
  public void close() {
    closed = true;
    signals.offer(Boolean.FALSE);
    thread.interrupt();
  }

  private void loop() {
    try {
      while (!closed) {
        boolean keepPolling = pollOnce();
        if (keepPolling) {
          signals.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
        } else {
          signals.take();
        }
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  /** One read; true while polling should go on. */
  private boolean pollOnce() {
    List<JsonNode> read;
    try {
      read = jobs.get();
    } catch (RuntimeException e) {
      synchronized (this) {
        polls++;
      }
      String message = e.getMessage();
      if (!closed && !Objects.equals(message, lastProblem)) {
        lastProblem = message;
        problems.accept("could not read the queue positions: " + message);
      }
      return true;
    }
    lastProblem = null;
    List<QueuePosition> waiting = QueuePosition.of(read);
    synchronized (this) {
      polls++;
    }
    if (!closed && !waiting.equals(last)) {
      last = waiting;
      listener.changed(waiting);
    }
    return read.isEmpty() || !waiting.isEmpty();
  }
}
