package ai.kinitro.platform.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/** A started service: usually an operating-system process, a fake in tests. */
public interface ServiceHandle {
  /** Process id (or a made-up id for fakes). */
  long pid();

  /** When the process started, to recognise it later (pids get reused). */
  Instant startedAt();

  boolean isAlive();

  /** The exit code once the service has exited. */
  OptionalInt exitCode();

  /** Asks the service to stop (SIGTERM for a process). Returns at once. */
  void terminate();

  /** Stops the service by force (SIGKILL for a process). Returns at once. */
  void kill();

  /** Waits until the service has exited or the timeout passed; true when it exited. */
  boolean awaitExit(Duration timeout) throws InterruptedException;

  /** The last lines of the service's output, for error messages. */
  String logTail(int lines);

  /** Where the full output is (a file path), for error messages. */
  String logLocation();
}
