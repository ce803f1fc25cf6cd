package ai.kinitro.rollout.runtime;

import ai.kinitro.common.error.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Names an agent fault from what is known about the process. Best effort: the log is the agent's
 * own text, so an agent can steer the label, but only between agent faults (all category USER):
 * it can never turn its failure into a platform fault.
 */
final class FailureClassifier {
  private static final int SIGKILL = 9;
  private static final int SIGXCPU = 24;
  private static final int SIGXFSZ = 25;

  private static final List<String> NETWORK = List.of("network is unreachable", "enetunreach",
      "temporary failure in name resolution", "name or service not known", "unknownhostexception",
      "no address associated with hostname", "nodename nor servname");
  private static final List<String> MEMORY = List.of("memoryerror", "outofmemoryerror", "cannot allocate memory",
      "std::bad_alloc", "out of memory");

  private FailureClassifier() {}

  /**
   * The code for a failure: {@code base} when nothing more specific is known. {@code exit} is the
   * exit status if the process ended; {@code log} its last lines.
   */
  static ErrorCode classify(ErrorCode base, boolean wallTimeExceeded, OptionalInt exit, List<String> log) {
    if (wallTimeExceeded) {
      return ErrorCode.AGENT_WALL_TIME_EXCEEDED;
    }
    String text = String.join("\n", log).toLowerCase(Locale.ROOT);
    if (NETWORK.stream().anyMatch(text::contains)) {
      return ErrorCode.AGENT_NETWORK_ATTEMPT;
    }
    if (exit.isEmpty()) {
      return base;
    }
    int status = exit.getAsInt();
    if (status == 128 + SIGXCPU || status == 128 + SIGXFSZ || MEMORY.stream().anyMatch(text::contains)
        || (status == 128 + SIGKILL && text.contains("cpu time limit"))) {
      return ErrorCode.AGENT_RESOURCE_LIMIT;
    }
    return base == ErrorCode.AGENT_FAILED_TO_START ? base : ErrorCode.AGENT_CRASHED;
  }
}
