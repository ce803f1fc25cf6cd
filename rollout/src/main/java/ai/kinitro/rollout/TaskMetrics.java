package ai.kinitro.rollout;

import java.util.Objects;

/**
 * Metrics of one task over all its episodes, failed ones included (a failed episode is not a
 * success; its reward is what it had gathered when it stopped, 0 if it never ran).
 */
public record TaskMetrics(
    String taskId,
    String envId,
    int episodes,
    int successes,
    int failedEpisodes,
    double successRate,
    double meanReward,
    double meanSteps,
    long totalSteps) {
  public TaskMetrics {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(envId, "envId");
  }
}
