package ai.kinitro.rollout.runtime;

import ai.kinitro.common.error.KinitroException;
import ai.kinitro.rollout.AgentClient;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * An agent that answered Ping. Closing it stops the agent and everything it started and removes
 * its working files; closing twice is harmless.
 */
public interface RunningAgent extends AutoCloseable {
  AgentEndpoint endpoint();

  Isolation isolation();

  /** The name the agent gave in its first Ping answer. */
  String agentName();

  boolean isAlive();

  /** The exit status once the process has ended (128 + n when killed by signal n). */
  OptionalInt exitCode();

  /** The last {@code lines} lines of the agent's combined stdout/stderr. */
  List<String> logTail(int lines);

  /** Health check: the agent's name, or an agent-fault exception. */
  String ping(Duration timeout);

  /**
   * The client for rollouts. Its failures are already {@link #classify classified} against the
   * process state, so a broken connection of a dead process reads as a crash, a CPU-limit kill as
   * a resource limit, and so on.
   */
  AgentClient client();

  /** Refines a failed call with what is known about the process (exit, signal, log, wall time). */
  KinitroException classify(KinitroException callFailure);

  @Override
  void close();
}
