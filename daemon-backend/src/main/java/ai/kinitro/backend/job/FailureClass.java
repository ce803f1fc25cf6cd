package ai.kinitro.backend.job;

/**
 * Who is to blame for a failed or timed-out assignment: {@code AGENT} (the miner's submission:
 * crashed, too slow, bad actions) counts against the miner; {@code PLATFORM} (validator,
 * evaluator, infrastructure) is retried and never scored.
 */
public enum FailureClass {
  AGENT,
  PLATFORM
}
