package ai.kinitro.platform.run;

import ai.kinitro.platform.services.Ports;
import ai.kinitro.platform.services.ServiceCatalog;
import ai.kinitro.platform.state.PlatformState;
import ai.kinitro.platform.state.PlatformState.ServiceState;
import ai.kinitro.platform.state.StateStore;
import ai.kinitro.platform.supervisor.HealthCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code ./kinitro status} and {@code ./kinitro down}, from any terminal, through {@code state.json}. */
public final class PlatformControl {
  private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(40);

  private final Path stateDir;
  private final StateStore store;

  public PlatformControl(Path stateDir) {
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir").toAbsolutePath().normalize();
    this.store = new StateStore(this.stateDir);
  }

  /** One service as {@code status} sees it. */
  public record ServiceStatus(String name, long pid, String url, boolean processAlive, boolean healthy, String log) {}

  /**
   * What runs from the state directory.
   *
   * @param running whether a supervisor runs
   * @param supervisorPid its pid (0 when no state exists)
   * @param services every launched service, in start order
   */
  public record Status(boolean running, long supervisorPid, List<ServiceStatus> services) {
    public Status {
      services = List.copyOf(services);
    }
  }

  public Path stateDir() {
    return stateDir;
  }

  public Status status() {
    Optional<PlatformState> state = store.read();
    if (state.isEmpty()) {
      return new Status(false, 0, List.of());
    }
    PlatformState platform = state.get();
    Ports ports = Ports.fromMap(platform.ports());
    List<ServiceStatus> services = new ArrayList<>();
    for (ServiceState service : platform.services()) {
      boolean alive = service.liveProcess().isPresent();
      boolean healthy = alive && healthOf(service.name(), ports).passes();
      services.add(new ServiceStatus(service.name(), service.pid(), service.url(), alive, healthy, service.log()));
    }
    return new Status(platform.liveSupervisor().isPresent(), platform.supervisorPid(), services);
  }

  private static HealthCheck healthOf(String name, Ports ports) {
    try {
      return ServiceCatalog.health(name, ports);
    } catch (IllegalArgumentException e) {
      return () -> {
        throw new IllegalStateException("no health check for " + name);
      };
    }
  }

  /**
   * Stops the platform: asks the supervisor to stop (SIGTERM, the same path as Ctrl-C) and waits
   * up to {@code timeout}; if it is gone or does not finish, stops the services it left behind in
   * reverse order. Returns false when nothing was running.
   */
  public boolean down(Duration timeout, Progress progress) {
    Optional<PlatformState> state = store.read();
    if (state.isEmpty()) {
      progress.line("Kinitro is not running from " + stateDir + " (no " + StateStore.FILE_NAME + ").");
      return false;
    }
    PlatformState platform = state.get();
    Optional<ProcessHandle> supervisor = platform.liveSupervisor();
    if (supervisor.isPresent()) {
      progress.line("Asking the supervisor (pid " + platform.supervisorPid() + ") to stop the services in reverse order...");
      supervisor.get().destroy();
      if (!waitForExit(supervisor.get(), timeout)) {
        progress.line("The supervisor did not finish within " + timeout.toSeconds() + " s; stopping what is left directly.");
        supervisor.get().destroyForcibly();
      }
    } else {
      progress.line("The supervisor (pid " + platform.supervisorPid() + ") is gone; stopping the services it left behind.");
    }
    // Re-read: the supervisor deletes the file after a clean stop.
    store.read().ifPresent(left -> stopLeftovers(left, progress));
    store.delete();
    progress.line("Kinitro is stopped.");
    return true;
  }

  /** Stops, in reverse start order, the services of {@code state} that still run. */
  static void stopLeftovers(PlatformState state, Progress progress) {
    for (ServiceState service : state.services().reversed()) {
      Optional<ProcessHandle> process = service.liveProcess();
      if (process.isEmpty()) {
        continue;
      }
      progress.line("Stopping " + service.name() + " (pid " + service.pid() + ")...");
      process.get().destroy();
      if (!waitForExit(process.get(), SERVICE_STOP_TIMEOUT)) {
        progress.line("  " + service.name() + " did not stop within " + SERVICE_STOP_TIMEOUT.toSeconds() + " s; killing it");
        process.get().destroyForcibly();
        waitForExit(process.get(), Duration.ofSeconds(10));
      }
    }
  }

  private static boolean waitForExit(ProcessHandle process, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (process.isAlive()) {
      if (!Instant.now().isBefore(deadline)) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !process.isAlive();
      }
    }
    return true;
  }
}
