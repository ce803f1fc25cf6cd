package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.rollout.BenchmarkSpec;
import ai.kinitro.rollout.TaskSpec;
import java.util.List;
import java.util.Objects;

/**
 * A job's benchmark as the rollout engine runs it: each task's environment is its {@code env_name}
 * when that is a registry id (e.g. {@code classic/CartPole-v1}, what the backend sends), else
 * {@code <provider>/<env_name>} (e.g. {@code classic} + {@code CartPole-v1}),
 * its seed is the job's task seed (which stays in the evaluator), the cameras are the job's, and
 * the frame size is {@code config.image_size} or the configured default. A provider, environment
 * or camera this evaluator lacks is {@code BENCHMARK_UNSUPPORTED}, before anything starts.
 */
record JobPlan(BenchmarkSpec spec) {
  JobPlan {
    Objects.requireNonNull(spec, "spec");
  }

  static JobPlan of(EvalJob job, EnvironmentRegistry registry, int defaultImageSize) {
    var benchmark = job.benchmark();
    List<TaskSpec> tasks = benchmark.tasks().stream().map(t -> {
      // the backend sends the registry id ("classic/CartPole-v1", docs/protocol.md); a bare name is under the provider
      String envId = t.envName().contains("/") ? t.envName() : benchmark.provider() + "/" + t.envName();
      EnvSpec env = registry.find(envId).orElseThrow(() -> new KinitroException(ErrorCode.BENCHMARK_UNSUPPORTED,
          "Task '" + t.taskId() + "' needs environment " + envId + ", which this evaluator does not have; it has "
              + registry.specs().stream().map(s -> s.id().toString()).toList()));
      for (String camera : benchmark.cameraNames()) {
        if (!env.cameras().contains(camera)) {
          throw new KinitroException(ErrorCode.BENCHMARK_UNSUPPORTED,
              "Environment " + envId + " has no camera '" + camera + "'; it has " + env.cameras());
        }
      }
      return new TaskSpec(t.taskId(), envId, "", t.seed());
    }).toList();
    int imageSize = benchmark.config().has("image_size") && benchmark.config().get("image_size").canConvertToInt()
        ? benchmark.config().get("image_size").asInt() : defaultImageSize;
    try {
      return new JobPlan(new BenchmarkSpec(tasks, benchmark.episodesPerTask(), benchmark.maxEpisodeSteps(),
          benchmark.cameraNames(), imageSize));
    } catch (KinitroException e) {
      throw new KinitroException(ErrorCode.BENCHMARK_UNSUPPORTED, e.getMessage(), e);
    }
  }
}
