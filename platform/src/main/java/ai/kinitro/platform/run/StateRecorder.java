package ai.kinitro.platform.run;

import ai.kinitro.platform.state.PlatformState;
import ai.kinitro.platform.state.PlatformState.ServiceState;
import ai.kinitro.platform.state.StateStore;
import ai.kinitro.platform.supervisor.ServiceHandle;
import ai.kinitro.platform.supervisor.ServiceSpec;
import ai.kinitro.platform.supervisor.SupervisorListener;
import java.time.Duration;

/** Keeps {@code state.json} current and reports progress while the supervisor works. */
final class StateRecorder implements SupervisorListener {
  private final StateStore store;
  private final Progress progress;
  private PlatformState state;

  StateRecorder(StateStore store, PlatformState initial, Progress progress) {
    this.store = store;
    this.state = initial;
    this.progress = progress;
    store.write(initial);
  }

  @Override
  public void starting(ServiceSpec spec) {
    progress.line("Starting " + spec.name() + "...");
  }

  @Override
  public synchronized void launched(ServiceSpec spec, ServiceHandle handle) {
    update(new ServiceState(spec.name(), handle.pid(), handle.startedAt(), spec.port(), spec.url(), handle.logLocation(), "starting"));
  }

  @Override
  public synchronized void healthy(ServiceSpec spec, ServiceHandle handle, Duration took) {
    progress.line(String.format("  %-10s healthy after %.1f s  %s", spec.name(), took.toMillis() / 1000.0, spec.url()));
    state.service(spec.name()).ifPresent(s -> update(s.withStatus("healthy")));
  }

  @Override
  public void stopping(ServiceSpec spec, ServiceHandle handle) {
    progress.line("Stopping " + spec.name() + " (pid " + handle.pid() + ")...");
  }

  @Override
  public synchronized void stopped(ServiceSpec spec, ServiceHandle handle, boolean forced) {
    if (forced) {
      progress.line("  " + spec.name() + " did not stop within " + spec.stopTimeout().toSeconds() + " s and was killed");
    }
    state.service(spec.name()).ifPresent(s -> update(s.withStatus("stopped")));
  }

  private void update(ServiceState service) {
    state = state.with(service);
    try {
      store.write(state);
    } catch (RuntimeException e) {
      progress.line("Warning: " + e.getMessage());
    }
  }
}
