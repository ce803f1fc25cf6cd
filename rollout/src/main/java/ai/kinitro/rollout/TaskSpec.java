package ai.kinitro.rollout;

import java.util.Objects;

/**
 * One task of a benchmark: a stable id, the environment it runs, a public instruction for the
 * agent (may be empty), and the task's secret seed, from which every episode's seed is derived
 * ({@link EpisodeSeeds}). The seed never reaches the agent.
 */
public record TaskSpec(String taskId, String envId, String instruction, long seed) {
  public TaskSpec {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(envId, "envId");
    Objects.requireNonNull(instruction, "instruction");
    if (taskId.isBlank()) {
      throw new IllegalArgumentException("taskId must not be blank");
    }
  }
}
