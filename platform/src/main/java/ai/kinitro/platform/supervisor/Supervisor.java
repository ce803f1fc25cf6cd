package ai.kinitro.platform.supervisor;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in order, each only after the previous one is healthy, and stops them in reverse
 * order. If a service fails to start (cannot be launched, exits, or is not healthy in time), the
 * ones already started are stopped in reverse order and a {@link KinitroException} says which one
 * failed, why, and shows the tail of its log.
 *
 * <p>{@link #stop()} may be called from any thread at any time (a shutdown hook on Ctrl-C): it
 * stops whatever has been launched, also in the middle of {@link #start()}, which then returns
 * {@code false}. Stopping is polite first ({@link ServiceHandle#terminate()}), then forced after
 * the service's stop timeout.
 */
public final class Supervisor {
  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
  private static final int TAIL_LINES = 40;
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  /** A launched service. */
  public record Running(ServiceSpec spec, ServiceHandle handle) {
    public Running {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(handle, "handle");
    }
  }

  private final List<ServiceSpec> specs;
  private final SupervisorListener listener;
  private final Duration pollInterval;
  private final Object launchLock = new Object();
  private final Object stopLock = new Object();
  private final List<Running> launched = new ArrayList<>();
  private final Set<ServiceHandle> stopped = ConcurrentHashMap.newKeySet();
  private volatile boolean stopRequested;

  public Supervisor(List<ServiceSpec> specs, SupervisorListener listener, Duration pollInterval) {
    this.specs = List.copyOf(specs);
    this.listener = Objects.requireNonNull(listener, "listener");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    long distinct = this.specs.stream().map(ServiceSpec::name).distinct().count();
    if (distinct != this.specs.size()) {
      throw new IllegalArgumentException("service names must be unique: " + this.specs.stream().map(ServiceSpec::name).toList());
    }
  }

  public List<ServiceSpec> specs() {
    return specs;
  }

  /**
   * Starts every service in order and waits for each to be healthy. Returns {@code true} when all
   * are healthy, {@code false} when {@link #stop()} was called meanwhile.
   *
   * @throws KinitroException {@code SERVICE_START_FAILED} or {@code SERVICE_HEALTH_TIMEOUT}, after
   *     the services already started have been stopped
   */
  public boolean start() {
    for (ServiceSpec spec : specs) {
      ServiceHandle handle = null;
      Exception launchFailure = null;
      synchronized (launchLock) {
        if (stopRequested) {
          return false;
        }
        listener.starting(spec);
        try {
          handle = spec.launcher().launch();
          launched.add(new Running(spec, handle));
        } catch (IOException | RuntimeException e) {
          launchFailure = e;
        }
      }
      if (launchFailure != null) {
        // Outside the launch lock: stop() takes the stop lock first, then the launch lock.
        stop();
        if (launchFailure instanceof KinitroException ke) {
          throw ke;
        }
        throw new KinitroException(ErrorCode.SERVICE_START_FAILED,
            "Could not start " + spec.name() + ": " + launchFailure.getMessage(), launchFailure);
      }
      listener.launched(spec, handle);
      if (!awaitHealthy(spec, handle)) {
        return false;
      }
    }
    return !stopRequested;
  }

  private boolean awaitHealthy(ServiceSpec spec, ServiceHandle handle) {
    Instant began = Instant.now();
    Instant deadline = began.plus(spec.startTimeout());
    String lastProblem = "no probe finished yet";
    while (true) {
      if (stopRequested) {
        return false;
      }
      try {
        spec.health().probe();
        listener.healthy(spec, handle, Duration.between(began, Instant.now()));
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        return false;
      } catch (Exception e) {
        lastProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      if (stopRequested) {
        // A stop during the probe may have ended the service: that is the stop, not a failure.
        return false;
      }
      if (!handle.isAlive()) {
        String code = handle.exitCode().isPresent() ? String.valueOf(handle.exitCode().getAsInt()) : "unknown";
        throw failure(ErrorCode.SERVICE_START_FAILED, spec, handle,
            spec.name() + " exited with code " + code + " before it became healthy");
      }
      if (!Instant.now().isBefore(deadline)) {
        throw failure(ErrorCode.SERVICE_HEALTH_TIMEOUT, spec, handle,
            spec.name() + " did not become healthy within " + seconds(spec.startTimeout()) + " (last probe: " + lastProblem + ")");
      }
      if (!sleep(pollInterval)) {
        stop();
        return false;
      }
    }
  }

  private KinitroException failure(ErrorCode code, ServiceSpec spec, ServiceHandle handle, String what) {
    stop();
    String tail = handle.logTail(TAIL_LINES);
    return new KinitroException(code, what + ". The services started before it were stopped.\n"
        + "Last lines of " + handle.logLocation() + ":\n" + (tail.isBlank() ? "(empty)" : tail));
  }

  /**
   * Stops every launched service in reverse order; safe to call more than once and from several
   * threads (later calls wait for the first to finish).
   */
  public void stop() {
    synchronized (stopLock) {
      List<Running> toStop;
      synchronized (launchLock) {
        stopRequested = true;
        toStop = new ArrayList<>(launched).reversed();
      }
      for (Running running : toStop) {
        stopOne(running);
      }
    }
  }

  private void stopOne(Running running) {
    ServiceHandle handle = running.handle();
    if (!stopped.add(handle)) {
      return;
    }
    boolean forced = false;
    if (handle.isAlive()) {
      listener.stopping(running.spec(), handle);
      handle.terminate();
      try {
        if (!handle.awaitExit(running.spec().stopTimeout())) {
          LOG.warn("{} did not stop within {}; killing it", running.spec().name(), seconds(running.spec().stopTimeout()));
          handle.kill();
          forced = true;
          handle.awaitExit(KILL_WAIT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.kill();
        forced = true;
      }
    }
    listener.stopped(running.spec(), handle, forced);
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  /** The services launched so far, in start order. */
  public List<Running> running() {
    synchronized (launchLock) {
      return List.copyOf(launched);
    }
  }

  /**
   * Blocks until a launched service exits without being asked to (returned) or {@link #stop()} is
   * called (empty).
   */
  public Optional<Running> awaitUnexpectedExit() {
    while (!stopRequested) {
      for (Running running : running()) {
        if (!running.handle().isAlive() && !stopped.contains(running.handle()) && !stopRequested) {
          return Optional.of(running);
        }
      }
      if (!sleep(pollInterval)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** "120 s" or "0.2 s". */
  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
