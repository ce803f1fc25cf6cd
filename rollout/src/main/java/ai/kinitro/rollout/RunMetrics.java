package ai.kinitro.rollout;

import java.util.List;
import java.util.Objects;

/**
 * Metrics of a whole run: per task, and overall as the unweighted mean over tasks of their success
 * rate and mean reward (every task has the same number of episodes, so this equals the
 * per-episode mean), with episode, step and failure counts.
 */
public record RunMetrics(
    List<TaskMetrics> tasks,
    double successRate,
    double meanReward,
    int totalEpisodes,
    long totalSteps,
    int failedEpisodes) {
  public RunMetrics {
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
  }

  /** Computes the metrics of {@code tasks} from their episodes (in any order). */
  public static RunMetrics of(List<TaskSpec> taskSpecs, List<EpisodeSummary> episodes) {
    List<TaskMetrics> tasks = taskSpecs.stream().map(t -> {
      List<EpisodeSummary> mine = episodes.stream().filter(e -> e.taskId().equals(t.taskId())).toList();
      int n = mine.size();
      int successes = (int) mine.stream().filter(EpisodeSummary::success).count();
      int failed = (int) mine.stream().filter(EpisodeSummary::failed).count();
      long steps = mine.stream().mapToLong(EpisodeSummary::steps).sum();
      double reward = mine.stream().mapToDouble(EpisodeSummary::totalReward).sum();
      return new TaskMetrics(t.taskId(), t.envId(), n, successes, failed, n == 0 ? 0 : (double) successes / n,
          n == 0 ? 0 : reward / n, n == 0 ? 0 : (double) steps / n, steps);
    }).toList();
    double successRate = tasks.stream().mapToDouble(TaskMetrics::successRate).average().orElse(0);
    double meanReward = tasks.stream().mapToDouble(TaskMetrics::meanReward).average().orElse(0);
    return new RunMetrics(tasks, successRate, meanReward, tasks.stream().mapToInt(TaskMetrics::episodes).sum(),
        tasks.stream().mapToLong(TaskMetrics::totalSteps).sum(), tasks.stream().mapToInt(TaskMetrics::failedEpisodes).sum());
  }
}
