package ai.kinitro.miner.eval;

import ai.kinitro.rollout.RolloutOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a local evaluation.
 *
 * @param seed the base of the local task seeds (recorded in the summary, so a run can be repeated;
 *     the backend's seeds are secret and differ)
 * @param batchSize episodes stepped in lock-step (1 uses Act, more uses ActBatch)
 * @param frameEpisodes how many episodes, from the first, get their frames saved as PNG
 * @param frameInterval save every n-th step's frames (and the last step's)
 * @param callTimeout time per agent call (the evaluator's default is 5 s)
 * @param runDeadline time for each benchmark
 */
public record LocalEvalOptions(
    long seed, int batchSize, int frameEpisodes, int frameInterval, Duration callTimeout, Duration runDeadline) {
  public static final LocalEvalOptions DEFAULT = new LocalEvalOptions(0, 1, 1, 10, RolloutOptions.DEFAULT_CALL_TIMEOUT,
      RolloutOptions.DEFAULT_RUN_DEADLINE);

  public LocalEvalOptions {
    if (batchSize < 1 || frameEpisodes < 0 || frameInterval < 1) {
      throw new IllegalArgumentException("batchSize and frameInterval must be positive, frameEpisodes not negative");
    }
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(runDeadline, "runDeadline");
  }

  public LocalEvalOptions withSeed(long value) {
    return new LocalEvalOptions(value, batchSize, frameEpisodes, frameInterval, callTimeout, runDeadline);
  }

  public LocalEvalOptions withBatchSize(int value) {
    return new LocalEvalOptions(seed, value, frameEpisodes, frameInterval, callTimeout, runDeadline);
  }

  public LocalEvalOptions withFrames(int episodes, int interval) {
    return new LocalEvalOptions(seed, batchSize, episodes, interval, callTimeout, runDeadline);
  }

  public LocalEvalOptions withRunDeadline(Duration value) {
    return new LocalEvalOptions(seed, batchSize, frameEpisodes, frameInterval, callTimeout, value);
  }

  RolloutOptions rolloutOptions() {
    return RolloutOptions.DEFAULT.withBatchSize(batchSize).withCallTimeout(callTimeout).withRunDeadline(runDeadline)
        .withStepLogInterval(frameInterval).withFramesInStepLog(frameEpisodes > 0);
  }
}
