package ai.kinitro.rollout;

import ai.kinitro.common.error.ErrorCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one episode. {@code seed} is the episode's seed, recorded so the evaluator can
 * replay it; it is never sent to the agent. {@code success} is true when any step reported success.
 * A FAILED or NOT_RUN episode carries the code that stopped the run and is never a success.
 */
public record EpisodeSummary(
    long episodeIndex,
    String taskId,
    String envId,
    int episodeInTask,
    long seed,
    int steps,
    double totalReward,
    boolean success,
    EpisodeOutcome outcome,
    Optional<ErrorCode> failure,
    Duration duration) {
  public EpisodeSummary {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(envId, "envId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(duration, "duration");
    if (failed(outcome) && success) {
      throw new IllegalArgumentException("a failed episode cannot be a success");
    }
  }

  public boolean failed() {
    return failed(outcome);
  }

  private static boolean failed(EpisodeOutcome o) {
    return o == EpisodeOutcome.FAILED || o == EpisodeOutcome.NOT_RUN;
  }
}
