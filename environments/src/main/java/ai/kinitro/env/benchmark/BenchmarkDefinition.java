package ai.kinitro.env.benchmark;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.validator.BenchmarkSpec;
import ai.kinitro.common.protocol.validator.TaskSpec;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.EnvironmentRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongUnaryOperator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A competition's benchmark as an admin defines it: which environments ({@code tasks}, versioned
 * ids), how many seeded variants of each, episodes per variant, the step limit, cameras and image
 * size. The backend validates it against the {@link EnvironmentRegistry} when a competition is
 * created or changed, and expands it into the {@link BenchmarkSpec} of each job with task seeds
 * only it knows ({@link #toJobSpec}).
 *
 * @param name benchmark name shown to users, e.g. {@code MT10}
 * @param suite the environment suite all tasks belong to, e.g. {@code manipulation}
 * @param tasks environment ids, e.g. {@code manipulation/reach-v1}
 * @param variantsPerTask seeded variants (goal/object layouts) of each task
 * @param episodesPerTask episodes run for each variant
 * @param maxEpisodeSteps step limit of one episode (at most the environment's own limit)
 * @param cameras cameras whose images the agent receives (at least one)
 * @param imageSize width and height of camera images in pixels (84 to 480)
 *     <p>JSON field names are snake_case as docs/protocol.md documents them ({@code variants_per_task},
 *     ...); every field is required.
 */
public record BenchmarkDefinition(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "suite", required = true) String suite,
    @JsonProperty(value = "tasks", required = true) List<String> tasks,
    @JsonProperty(value = "variants_per_task", required = true) int variantsPerTask,
    @JsonProperty(value = "episodes_per_task", required = true) int episodesPerTask,
    @JsonProperty(value = "max_episode_steps", required = true) int maxEpisodeSteps,
    @JsonProperty(value = "cameras", required = true) List<String> cameras,
    @JsonProperty(value = "image_size", required = true) int imageSize) {
  public static final int MIN_IMAGE_SIZE = 84;
  public static final int MAX_IMAGE_SIZE = 480;

  /** The ten MetaWorld MT10 tasks, as Kinitro's manipulation suite names them. */
  public static final List<String> MT10_TASKS = List.of(
      "manipulation/reach-v1", "manipulation/push-v1", "manipulation/pick-place-v1", "manipulation/door-open-v1",
      "manipulation/drawer-open-v1", "manipulation/drawer-close-v1", "manipulation/button-press-topdown-v1",
      "manipulation/peg-insert-side-v1", "manipulation/window-open-v1", "manipulation/window-close-v1");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public BenchmarkDefinition {
    require(name != null, "name is required");
    require(suite != null, "suite is required");
    require(tasks != null && tasks.stream().allMatch(Objects::nonNull), "tasks is required and must not contain null");
    require(cameras != null && cameras.stream().allMatch(Objects::nonNull), "cameras is required and must not contain null");
    tasks = List.copyOf(tasks);
    cameras = List.copyOf(cameras);
    require(!name.isBlank(), "name must not be blank");
    require(!tasks.isEmpty(), "at least one task is needed");
    require(!cameras.isEmpty(), "at least one camera is needed");
    require(tasks.stream().distinct().count() == tasks.size(), "tasks must not repeat");
    require(variantsPerTask >= 1 && variantsPerTask <= 1_000, "variants_per_task must be between 1 and 1000");
    require(episodesPerTask >= 1 && episodesPerTask <= 1_000, "episodes_per_task must be between 1 and 1000");
    require(maxEpisodeSteps >= 1, "max_episode_steps must be at least 1");
    require(imageSize >= MIN_IMAGE_SIZE && imageSize <= MAX_IMAGE_SIZE,
        "image_size must be between " + MIN_IMAGE_SIZE + " and " + MAX_IMAGE_SIZE);
  }

  /** MetaWorld's MT1: one manipulation task, 10 variants, 500 steps, corner camera at 84x84. */
  public static BenchmarkDefinition mt1(String task) {
    return new BenchmarkDefinition("MT1", "manipulation", List.of(task), 10, 1, 500, List.of("corner"), 84);
  }

  /** MetaWorld's MT10: ten manipulation tasks, 5 variants each, 500 steps, corner camera at 84x84. */
  public static BenchmarkDefinition mt10() {
    return new BenchmarkDefinition("MT10", "manipulation", MT10_TASKS, 5, 1, 500, List.of("corner"), 84);
  }

  /**
   * Checks every task exists in the registry and belongs to the suite, every camera is offered by
   * every task, and the step limit does not exceed any task's own limit. All problems are reported
   * at once, so an admin can fix a definition in one go.
   */
  public void validate(EnvironmentRegistry registry) {
    List<String> problems = new ArrayList<>();
    for (String task : tasks) {
      EnvSpec spec = registry.find(task).orElse(null);
      if (spec == null) {
        problems.add("unknown environment '" + task + "'");
        continue;
      }
      if (!spec.id().suite().equals(suite)) {
        problems.add("'" + task + "' is not in suite '" + suite + "'");
      }
      for (String camera : cameras) {
        if (!spec.cameras().contains(camera)) {
          problems.add("'" + task + "' has no camera '" + camera + "' (it has " + spec.cameras() + ")");
        }
      }
      if (maxEpisodeSteps > spec.maxEpisodeSteps()) {
        problems.add("max_episode_steps " + maxEpisodeSteps + " exceeds the limit of '" + task + "' ("
            + spec.maxEpisodeSteps() + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Benchmark '" + name + "' is invalid: "
          + String.join("; ", problems) + ". Known environments: "
          + String.join(", ", registry.specs().stream().map(s -> s.id().toString()).toList()));
    }
  }

  /** Number of episodes one job runs. */
  public long totalEpisodes() {
    return (long) tasks.size() * variantsPerTask * episodesPerTask;
  }

  /**
   * The job's spec: one task entry per (environment, variant), in definition order, with task id
   * {@code <env id>:<variant>} and the seed {@code seeds} gives for the entry's index. The backend
   * passes a keyed function of the job id, so seeds are unpredictable yet the same for every
   * validator of the job.
   */
  public BenchmarkSpec toJobSpec(LongUnaryOperator seeds) {
    List<TaskSpec> entries = new ArrayList<>();
    long index = 0;
    for (String task : tasks) {
      for (int variant = 0; variant < variantsPerTask; variant++) {
        entries.add(new TaskSpec(task + ":" + variant, task, seeds.applyAsLong(index++)));
      }
    }
    ObjectNode config = JSON.createObjectNode();
    config.put("image_size", imageSize);
    config.put("variants_per_task", variantsPerTask);
    return new BenchmarkSpec(suite, name, config, cameras, episodesPerTask, maxEpisodeSteps, entries);
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Benchmark definition: " + problem);
    }
  }
}
