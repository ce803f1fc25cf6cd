package ai.kinitro.backend.competition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One benchmark of a competition, as an admin writes it and as {@code competitions.benchmarks}
 * stores it. Each job of a submission runs one benchmark: {@code tasksPerEnv} seeded goal variants
 * of every environment in {@code envNames} (ids {@code provider/env_name} in the environment
 * registry), {@code episodesPerTask} episodes each. Checked by {@link BenchmarkValidator}; fields
 * are boxed so a missing one gets a clear message instead of a zero.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchmarkDefinition(
    @JsonProperty("provider") String provider,
    @JsonProperty("benchmark_name") String benchmarkName,
    @JsonProperty("env_names") List<String> envNames,
    @JsonProperty("tasks_per_env") Integer tasksPerEnv,
    @JsonProperty("episodes_per_task") Integer episodesPerTask,
    @JsonProperty("max_episode_steps") Integer maxEpisodeSteps,
    @JsonProperty("camera_names") List<String> cameraNames,
    @JsonProperty("config") JsonNode config) {

  /** Environment registry ids of this benchmark, in order. */
  public List<String> environmentIds() {
    return envNames.stream().map(name -> provider + "/" + name).toList();
  }

  /** Tasks a job of this benchmark runs. */
  public int taskCount() {
    return envNames.size() * tasksPerEnv;
  }
}
