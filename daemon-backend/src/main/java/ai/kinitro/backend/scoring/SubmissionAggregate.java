package ai.kinitro.backend.scoring;

import java.util.Objects;

/**
 * A submission's metrics across validators: the medians of the per-validator means over the
 * submission's current jobs. {@code validators} counts validators with complete, successful
 * results; {@code agentFailures} those that reported an agent fault on a current job.
 */
public record SubmissionAggregate(
    long submissionId,
    String minerHotkey,
    double avgReward,
    double successRate,
    double score,
    int totalEpisodes,
    int validators,
    int agentFailures) {
  public SubmissionAggregate {
    Objects.requireNonNull(minerHotkey, "minerHotkey");
  }
}
