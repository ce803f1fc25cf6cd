package ai.kinitro.common.agent;

import java.util.Objects;

/**
 * Everything an agent is told when an episode starts: the task and environment ids, a public
 * instruction (possibly empty), the episode's ordinal number within the run, the action space and
 * the step limit. There is deliberately no seed: seeds and seed-derived scene parameters stay in
 * the evaluator.
 */
public record TaskInfo(
    String taskId, String envId, String instruction, long episodeIndex, ActionSpace actionSpace, int maxEpisodeSteps) {
  public TaskInfo {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(envId, "envId");
    Objects.requireNonNull(instruction, "instruction");
    Objects.requireNonNull(actionSpace, "actionSpace");
    if (episodeIndex < 0) {
      throw new IllegalArgumentException("episodeIndex must be >= 0");
    }
    if (maxEpisodeSteps < 0) {
      throw new IllegalArgumentException("maxEpisodeSteps must be >= 0");
    }
  }
}
