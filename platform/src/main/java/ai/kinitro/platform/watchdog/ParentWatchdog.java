package ai.kinitro.platform.watchdog;

import java.util.Optional;

/**
 * A Java agent that ends its process when the supervisor that started it is gone, so a supervisor
 * killed with {@code kill -9} leaves no services behind.
 *
 * <p>Every half second it asks the operating system for the process's parent. When the parent is
 * no longer the supervisor (the orphan was adopted by init or a subreaper) or the supervisor is no
 * longer alive, it calls {@link Runtime#exit(int)}, which runs the application's shutdown hooks:
 * Spring closes its context, the PostgreSQL wrapper stops its server. Comparing the parent rather
 * than polling the pid alone is immune to pid reuse. The agent argument is the supervisor's pid;
 * without it the parent at start-up is watched.
 */
public final class ParentWatchdog {
  static final long PERIOD_MILLIS = 500;
  /** Exit status when the supervisor disappeared (128 + SIGHUP, as a shell reports a hang-up). */
  static final int EXIT_STATUS = 129;

  private ParentWatchdog() {}

  public static void premain(String agentArgs) {
    long expected = parse(agentArgs).orElseGet(() -> ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
    if (expected <= 1) {
      return; // started by init: nothing to watch
    }
    Thread thread = new Thread(() -> watch(expected), "kinitro-parent-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  static Optional<Long> parse(String agentArgs) {
    if (agentArgs == null || agentArgs.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(agentArgs.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** True while the process is still the child of {@code expected} and that process lives. */
  static boolean parentPresent(long expected) {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    return parent.isPresent() && parent.get().pid() == expected && parent.get().isAlive();
  }

  private static void watch(long expected) {
    while (parentPresent(expected)) {
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
    Runtime.getRuntime().exit(EXIT_STATUS);
  }
}
