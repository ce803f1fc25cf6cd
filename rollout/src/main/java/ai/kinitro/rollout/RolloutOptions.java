package ai.kinitro.rollout;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run: {@code batchSize} episodes step in lock-step (one {@code ActBatch} per step; 1 uses
 * {@code Act}); each agent call may take {@code callTimeout}; the whole run must end by {@code
 * runDeadline}; listeners receive every {@code stepLogInterval}-th step (and each episode's last);
 * {@code framesInStepLog} adds the rendered camera frames to sampled steps.
 */
public record RolloutOptions(
    int batchSize, Duration callTimeout, Duration runDeadline, int stepLogInterval, boolean framesInStepLog) {
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RUN_DEADLINE = Duration.ofMinutes(15);
  public static final int DEFAULT_STEP_LOG_INTERVAL = 10;
  public static final RolloutOptions DEFAULT =
      new RolloutOptions(1, DEFAULT_CALL_TIMEOUT, DEFAULT_RUN_DEADLINE, DEFAULT_STEP_LOG_INTERVAL, false);

  public RolloutOptions {
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(runDeadline, "runDeadline");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    if (callTimeout.isNegative() || callTimeout.isZero() || runDeadline.isNegative() || runDeadline.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (stepLogInterval <= 0) {
      throw new IllegalArgumentException("stepLogInterval must be positive");
    }
  }

  public RolloutOptions withBatchSize(int n) {
    return new RolloutOptions(n, callTimeout, runDeadline, stepLogInterval, framesInStepLog);
  }

  public RolloutOptions withCallTimeout(Duration d) {
    return new RolloutOptions(batchSize, d, runDeadline, stepLogInterval, framesInStepLog);
  }

  public RolloutOptions withRunDeadline(Duration d) {
    return new RolloutOptions(batchSize, callTimeout, d, stepLogInterval, framesInStepLog);
  }

  public RolloutOptions withStepLogInterval(int n) {
    return new RolloutOptions(batchSize, callTimeout, runDeadline, n, framesInStepLog);
  }

  public RolloutOptions withFramesInStepLog(boolean on) {
    return new RolloutOptions(batchSize, callTimeout, runDeadline, stepLogInterval, on);
  }
}
