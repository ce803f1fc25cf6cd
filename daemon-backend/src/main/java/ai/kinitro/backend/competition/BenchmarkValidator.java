package ai.kinitro.backend.competition;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.EnvironmentRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks competition benchmark definitions before they are stored (v1 never validated them and a
 * broken spec only failed inside evaluators, §10 #7): shapes and ranges, unique names, and every
 * environment id present in the {@link EnvironmentRegistry}. Returns normalised copies (trimmed,
 * {@code config} defaulted to {@code {}}).
 */
@Component
public class BenchmarkValidator {
  public static final int MAX_BENCHMARKS = 50;
  public static final int MAX_TASKS_PER_ENV = 1_000;
  public static final int MAX_EPISODES_PER_TASK = 10_000;
  public static final int MAX_EPISODE_STEPS = 1_000_000;
  public static final int MAX_TASKS_PER_JOB = 10_000;

  private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*?-v\\d+");

  private final EnvironmentRegistry registry;

  public BenchmarkValidator(EnvironmentRegistry registry) {
    this.registry = registry;
  }

  public List<BenchmarkDefinition> validate(List<BenchmarkDefinition> benchmarks) {
    if (benchmarks == null || benchmarks.isEmpty()) {
      throw invalid("'benchmarks' must list at least one benchmark");
    }
    if (benchmarks.size() > MAX_BENCHMARKS) {
      throw invalid("'benchmarks' lists " + benchmarks.size() + " benchmarks; the maximum is " + MAX_BENCHMARKS);
    }
    List<BenchmarkDefinition> normalised = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < benchmarks.size(); i++) {
      BenchmarkDefinition b = validateOne(benchmarks.get(i), "benchmarks[" + i + "]");
      if (!names.add(b.benchmarkName())) {
        throw invalid("benchmarks[" + i + "].benchmark_name '" + b.benchmarkName() + "' is used twice; names must be unique");
      }
      normalised.add(b);
    }
    return List.copyOf(normalised);
  }

  private BenchmarkDefinition validateOne(BenchmarkDefinition b, String at) {
    if (b == null) {
      throw invalid(at + " is null");
    }
    String provider = required(b.provider(), at + ".provider");
    if (!PROVIDER.matcher(provider).matches()) {
      throw invalid(at + ".provider '" + provider + "' must be lower-case letters, digits and '_' (an environment suite such as 'classic')");
    }
    String name = required(b.benchmarkName(), at + ".benchmark_name");
    if (!TOKEN.matcher(name).matches()) {
      throw invalid(at + ".benchmark_name must be 1-128 characters of letters, digits, '_', '.', ':' or '-'");
    }
    if (b.envNames() == null || b.envNames().isEmpty()) {
      throw invalid(at + ".env_names must list at least one environment");
    }
    int tasksPerEnv = range(b.tasksPerEnv(), 1, MAX_TASKS_PER_ENV, at + ".tasks_per_env");
    int episodes = range(b.episodesPerTask(), 1, MAX_EPISODES_PER_TASK, at + ".episodes_per_task");
    int maxSteps = range(b.maxEpisodeSteps(), 1, MAX_EPISODE_STEPS, at + ".max_episode_steps");
    List<String> cameras = b.cameraNames() == null ? List.of() : b.cameraNames().stream().map(c -> c == null ? "" : c.trim()).toList();
    if (cameras.isEmpty()) {
      throw invalid(at + ".camera_names must list at least one camera");
    }
    for (String camera : cameras) {
      if (!TOKEN.matcher(camera).matches()) {
        throw invalid(at + ".camera_names contains an invalid name '" + camera + "'");
      }
    }
    if (new HashSet<>(cameras).size() != cameras.size()) {
      throw invalid(at + ".camera_names contains a name twice");
    }
    List<String> envNames = new ArrayList<>();
    for (int j = 0; j < b.envNames().size(); j++) {
      String env = required(b.envNames().get(j), at + ".env_names[" + j + "]");
      if (!ENV_NAME.matcher(env).matches()) {
        throw invalid(at + ".env_names[" + j + "] '" + env + "' is not of the form Name-vN, e.g. CartPole-v1");
      }
      if (envNames.contains(env)) {
        throw invalid(at + ".env_names lists '" + env + "' twice");
      }
      String id = provider + "/" + env;
      Optional<EnvSpec> spec = registry.find(id);
      if (spec.isEmpty()) {
        String known = registry.specs().stream().map(s -> s.id().toString()).sorted().collect(Collectors.joining(", "));
        throw new KinitroException(ErrorCode.UNKNOWN_ENVIRONMENT, at + ".env_names[" + j + "]: unknown environment '" + id + "'. Known: "
            + (known.isEmpty() ? "(none registered)" : known));
      }
      EnvSpec envSpec = spec.get();
      if (maxSteps > envSpec.maxEpisodeSteps()) {
        throw invalid(at + ".max_episode_steps " + maxSteps + " exceeds the limit of " + id + " (" + envSpec.maxEpisodeSteps() + ")");
      }
      if (!envSpec.cameras().isEmpty() && !envSpec.cameras().containsAll(cameras)) {
        throw invalid(at + ".camera_names " + cameras + " are not all cameras of " + id + " " + envSpec.cameras());
      }
      envNames.add(env);
    }
    if ((long) envNames.size() * tasksPerEnv > MAX_TASKS_PER_JOB) {
      throw invalid(at + " would run " + ((long) envNames.size() * tasksPerEnv) + " tasks per job; the maximum is " + MAX_TASKS_PER_JOB);
    }
    JsonNode config = b.config();
    if (config == null || config.isNull()) {
      config = JsonNodeFactory.instance.objectNode();
    } else if (!config.isObject()) {
      throw invalid(at + ".config must be a JSON object");
    }
    return new BenchmarkDefinition(provider, name, List.copyOf(envNames), tasksPerEnv, episodes, maxSteps, List.copyOf(cameras), config);
  }

  private static String required(String value, String at) {
    if (value == null || value.isBlank()) {
      throw invalid(at + " is required");
    }
    return value.trim();
  }

  private static int range(Integer value, int min, int max, String at) {
    if (value == null) {
      throw invalid(at + " is required");
    }
    if (value < min || value > max) {
      throw invalid(at + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_BENCHMARK_SPEC, message);
  }
}
