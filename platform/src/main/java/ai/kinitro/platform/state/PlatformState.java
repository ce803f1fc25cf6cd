package ai.kinitro.platform.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of {@code state.json}: the supervisor's process and every service it launched, in
 * start order. Written after every change so {@code ./kinitro status} and {@code down} work from
 * another terminal.
 *
 * @param supervisorPid pid of the supervisor ({@code ./kinitro up})
 * @param supervisorStartedAt its start time, to tell it from a later process with the same pid
 * @param stateDir the absolute state directory
 * @param ports the ports the supervisor was asked to use, by service name
 * @param services the launched services in start order
 */
public record PlatformState(
    long supervisorPid, Instant supervisorStartedAt, String stateDir, Map<String, Integer> ports, List<ServiceState> services) {
  public PlatformState {
    Objects.requireNonNull(supervisorStartedAt, "supervisorStartedAt");
    Objects.requireNonNull(stateDir, "stateDir");
    ports = Map.copyOf(ports);
    services = List.copyOf(services);
  }

  /** One launched service. {@code status} is {@code starting}, {@code healthy} or {@code stopped}. */
  public record ServiceState(String name, long pid, Instant startedAt, int port, String url, String log, String status) {
    public ServiceState {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(log, "log");
      Objects.requireNonNull(status, "status");
    }

    public ServiceState withStatus(String value) {
      return new ServiceState(name, pid, startedAt, port, url, log, value);
    }

    /** The live process this entry describes, if it still runs (same pid and start time). */
    public Optional<ProcessHandle> liveProcess() {
      return ProcessIdentity.live(pid, startedAt);
    }
  }

  /** The live supervisor process, if it still runs. */
  public Optional<ProcessHandle> liveSupervisor() {
    return ProcessIdentity.live(supervisorPid, supervisorStartedAt);
  }

  public Optional<ServiceState> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** A copy with {@code service} added or replaced (by name), keeping start order. */
  public PlatformState with(ServiceState service) {
    List<ServiceState> updated = new ArrayList<>(services);
    int index = -1;
    for (int i = 0; i < updated.size(); i++) {
      if (updated.get(i).name().equals(service.name())) {
        index = i;
      }
    }
    if (index >= 0) {
      updated.set(index, service);
    } else {
      updated.add(service);
    }
    return new PlatformState(supervisorPid, supervisorStartedAt, stateDir, ports, updated);
  }
}
