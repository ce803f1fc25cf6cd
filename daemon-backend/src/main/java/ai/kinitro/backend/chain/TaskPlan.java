package ai.kinitro.backend.chain;

import ai.kinitro.backend.job.JobTask;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The task set of a job from its benchmark definition: for each environment id of the benchmark
 * ({@code env_ids}, {@code env_names}, {@code config.env_ids}, {@code config.env_name}; else the
 * benchmark name itself), {@code tasks_per_env} goal variants (default 1), each with a secret seed
 * from {@link TaskSeeds}. Task ids are {@code <environment>_<variant>} with {@code /} written as
 * {@code :} so they are wire tokens.
 */
public final class TaskPlan {
  private TaskPlan() {}

  public static List<JobTask> tasks(long jobId, JsonNode spec, TaskSeeds seeds) {
    List<String> envs = envIds(spec);
    int perEnv = intField(spec, "tasks_per_env", 1);
    List<JobTask> tasks = new ArrayList<>();
    int index = 0;
    for (String env : envs) {
      for (int variant = 0; variant < perEnv; variant++) {
        tasks.add(new JobTask(wireToken(env) + "_" + variant, env, seeds.seed(jobId, index++)));
      }
    }
    return tasks;
  }

  static List<String> envIds(JsonNode spec) {
    Set<String> ids = new LinkedHashSet<>();
    JsonNode config = spec.path("config");
    for (JsonNode list : List.of(spec.path("env_ids"), spec.path("env_names"), config.path("env_ids"), config.path("env_names"))) {
      if (list.isArray()) {
        list.forEach(n -> ids.add(n.asString()));
      }
    }
    for (JsonNode one : List.of(spec.path("env_id"), spec.path("env_name"), config.path("env_id"), config.path("env_name"))) {
      if (one.isString() && !one.asString().isBlank()) {
        ids.add(one.asString());
      }
    }
    if (ids.isEmpty()) {
      ids.add(spec.path("benchmark_name").asString("benchmark"));
    }
    return List.copyOf(ids);
  }

  /** An integer from the definition or its {@code config}, else the fallback. */
  public static int intField(JsonNode spec, String name, int fallback) {
    JsonNode direct = spec.path(name);
    if (direct.isIntegralNumber()) {
      return direct.asInt();
    }
    JsonNode nested = spec.path("config").path(name);
    return nested.isIntegralNumber() ? nested.asInt() : fallback;
  }

  /** An environment id as a wire token: {@code classic/CartPole-v1} becomes {@code classic:CartPole-v1}. */
  public static String wireToken(String envId) {
    return envId.replace('/', ':').replaceAll("[^A-Za-z0-9_.:-]", "_");
  }
}
