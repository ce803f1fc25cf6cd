package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What to evaluate: the benchmark, its provider-specific configuration and the exact task set.
 *
 * @param provider environment provider, e.g. {@code metaworld}
 * @param benchmarkName e.g. {@code MT10}
 * @param config provider-specific options (a JSON object, e.g. {@code render_mode})
 * @param cameraNames cameras to render, at least one
 * @param episodesPerTask episodes run for each task
 * @param maxEpisodeSteps step limit of one episode
 * @param tasks the tasks to run, with their seeds; unique task ids
 */
public record BenchmarkSpec(
    String provider,
    String benchmarkName,
    JsonNode config,
    List<String> cameraNames,
    int episodesPerTask,
    int maxEpisodeSteps,
    List<TaskSpec> tasks) {
  public BenchmarkSpec {
    Fields.token(provider, "provider");
    Fields.token(benchmarkName, "benchmark_name");
    config = Fields.jsonObjectOrEmpty(config, "config");
    cameraNames = Fields.nonEmptyList(cameraNames, "camera_names");
    cameraNames.forEach(c -> Fields.token(c, "camera_names"));
    Fields.unique(cameraNames, c -> c, "camera_names");
    Fields.between(episodesPerTask, 1, 10_000, "episodes_per_task");
    Fields.between(maxEpisodeSteps, 1, 1_000_000, "max_episode_steps");
    tasks = Fields.nonEmptyList(tasks, "tasks");
    Fields.unique(tasks, TaskSpec::taskId, "tasks");
  }

  /** Episodes the whole job runs. */
  public long totalEpisodes() {
    return (long) tasks.size() * episodesPerTask;
  }
}
