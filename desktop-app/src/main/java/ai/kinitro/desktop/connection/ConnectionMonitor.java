package ai.kinitro.desktop.connection;

import ai.kinitro.desktop.connection.ConnectionStatus.State;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings the backend of the selected profile on its own named thread and reports each change of
 * status. While connected it checks every {@code interval}; after a failure it retries with a
 * doubling delay capped at {@code maxBackoff}, so it reconnects by itself without hammering a
 * backend that is down. It never blocks the FX thread and never dies on an error.
 */
public final class ConnectionMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

  private final BackendProbe probe;
  private final InstantSource clock;
  private final Duration interval;
  private final Duration maxBackoff;
  private final Consumer<ConnectionStatus> listener;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("backend-monitor").factory());

  private volatile URI target;
  private volatile ConnectionStatus status;
  private Duration backoff;
  private long generation;

  public ConnectionMonitor(BackendProbe probe, InstantSource clock, Duration interval, Duration maxBackoff,
      Consumer<ConnectionStatus> listener) {
    this.probe = probe;
    this.clock = clock;
    this.interval = interval;
    this.maxBackoff = maxBackoff;
    this.listener = listener;
    this.backoff = interval;
    this.status = ConnectionStatus.connecting(clock.instant());
  }

  /** Points the monitor at another backend and checks it at once. */
  public synchronized void watch(URI backend) {
    target = backend;
    generation++;
    backoff = interval;
    publish(ConnectionStatus.connecting(clock.instant()));
    long mine = generation;
    if (!executor.isShutdown()) {
      executor.execute(() -> loop(mine));
    }
  }

  public ConnectionStatus status() {
    return status;
  }

  private void loop(long mine) {
    synchronized (this) {
      if (mine != generation) {
        return;
      }
    }
    Duration next;
    try {
      next = pollOnce();
    } catch (RuntimeException e) {
      LOG.warn("Connection check failed unexpectedly", e);
      next = maxBackoff;
    }
    synchronized (this) {
      if (mine == generation && !executor.isShutdown()) {
        executor.schedule(() -> loop(mine), next.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** One check; returns the delay before the next. Visible for tests. */
  Duration pollOnce() {
    URI backend = target;
    if (backend == null) {
      return interval;
    }
    try {
      Duration latency = probe.ping(backend);
      backoff = interval;
      State previous = status.state();
      publish(new ConnectionStatus(State.CONNECTED, Optional.of(latency), Optional.empty(),
          previous == State.CONNECTED ? status.since() : clock.instant()));
      return interval;
    } catch (RuntimeException e) {
      Duration wait = backoff;
      backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
      boolean wasDown = status.state() == State.DISCONNECTED;
      publish(new ConnectionStatus(State.DISCONNECTED, Optional.empty(), Optional.ofNullable(e.getMessage()),
          wasDown ? status.since() : clock.instant()));
      return wait;
    }
  }

  private void publish(ConnectionStatus next) {
    ConnectionStatus previous = status;
    status = next;
    if (!next.equals(previous)) {
      listener.accept(next);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
