package ai.kinitro.rollout;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to run: the tasks (each with its environment and seed), how many episodes per task, the
 * step limit ({@code 0} keeps each environment's own), the cameras to render into every
 * observation as {@code camera/<name>} (uint8 {@code [imageSize, imageSize, 3]}), and the image
 * size. Invalid specs are refused before anything runs.
 */
public record BenchmarkSpec(
    List<TaskSpec> tasks, int episodesPerTask, int maxEpisodeSteps, List<String> cameras, int imageSize) {
  public static final int DEFAULT_IMAGE_SIZE = 64;

  public BenchmarkSpec {
    tasks = List.copyOf(tasks);
    cameras = List.copyOf(cameras);
    if (tasks.isEmpty()) {
      throw invalid("A benchmark needs at least one task");
    }
    if (episodesPerTask <= 0) {
      throw invalid("episodes_per_task must be positive, got " + episodesPerTask);
    }
    if (maxEpisodeSteps < 0) {
      throw invalid("max_episode_steps must be >= 0 (0 keeps the environment's limit), got " + maxEpisodeSteps);
    }
    if (!cameras.isEmpty() && (imageSize <= 0 || imageSize > 1024)) {
      throw invalid("image_size must be in 1..1024, got " + imageSize);
    }
    Set<String> ids = new HashSet<>();
    for (TaskSpec t : tasks) {
      if (!ids.add(t.taskId())) {
        throw invalid("Task id '" + t.taskId() + "' appears twice");
      }
    }
  }

  /** A spec without cameras. */
  public static BenchmarkSpec of(List<TaskSpec> tasks, int episodesPerTask, int maxEpisodeSteps) {
    return new BenchmarkSpec(tasks, episodesPerTask, maxEpisodeSteps, List.of(), DEFAULT_IMAGE_SIZE);
  }

  public int totalEpisodes() {
    return tasks.size() * episodesPerTask;
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
