package ai.kinitro.platform.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Finds a process by pid and start time, so a recycled pid is never mistaken for ours. */
public final class ProcessIdentity {
  /** Start times read back from the OS are rounded (to clock ticks); allow this much difference. */
  private static final Duration TOLERANCE = Duration.ofSeconds(2);

  private ProcessIdentity() {}

  /** The live process with this pid whose start time matches {@code startedAt}. */
  public static Optional<ProcessHandle> live(long pid, Instant startedAt) {
    if (pid <= 0) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().startInstant()
            .map(actual -> Duration.between(actual, startedAt).abs().compareTo(TOLERANCE) <= 0)
            .orElse(true));
  }
}
