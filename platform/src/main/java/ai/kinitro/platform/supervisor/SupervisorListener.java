package ai.kinitro.platform.supervisor;

import java.time.Duration;

/** Progress of the supervisor, for the console and the state file. All methods default to nothing. */
public interface SupervisorListener {
  default void starting(ServiceSpec spec) {}

  default void launched(ServiceSpec spec, ServiceHandle handle) {}

  default void healthy(ServiceSpec spec, ServiceHandle handle, Duration took) {}

  default void stopping(ServiceSpec spec, ServiceHandle handle) {}

  /** The service has exited; {@code forced} when it had to be killed after its stop timeout. */
  default void stopped(ServiceSpec spec, ServiceHandle handle, boolean forced) {}

  SupervisorListener NONE = new SupervisorListener() {};
}
