package ai.kinitro.miner.eval;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads benchmark definitions from JSON. Accepted: one definition, an array of them, or a
 * competition object (as {@code GET /competitions/{id}} returns it) with {@code benchmarks}. Each
 * definition may use the environments module's field names ({@code name}, {@code suite}, {@code
 * tasks}, {@code variants_per_task}, {@code episodes_per_task}, {@code max_episode_steps}, {@code
 * cameras}, {@code image_size}) or the backend's competition fields ({@code provider}, {@code
 * benchmark_name}, {@code env_names}, {@code tasks_per_env}, {@code episodes_per_task}, {@code
 * max_episode_steps}, {@code camera_names}, {@code config.image_size}).
 */
public final class Benchmarks {
  static final int DEFAULT_IMAGE_SIZE = 84;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Benchmarks() {}

  /** The definitions in a JSON file. */
  public static List<BenchmarkDefinition> readFile(Path file) {
    try {
      return parse(JSON.readTree(Files.readString(file)), file.toString());
    } catch (IOException e) {
      throw invalid("cannot read the benchmark file " + file + ": " + e.getMessage());
    } catch (JacksonException e) {
      throw invalid("the benchmark file " + file + " is not JSON: " + e.getOriginalMessage());
    }
  }

  /** The definitions in a parsed document; {@code origin} names it in messages. */
  public static List<BenchmarkDefinition> parse(JsonNode root, String origin) {
    JsonNode list = root;
    if (root != null && root.isObject() && root.has("benchmarks")) {
      list = root.get("benchmarks");
    }
    List<BenchmarkDefinition> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode item : list) {
        out.add(one(item, origin));
      }
    } else if (list != null && list.isObject()) {
      out.add(one(list, origin));
    } else {
      throw invalid(origin + " holds no benchmark definition (expected an object, an array or a competition)");
    }
    if (out.isEmpty()) {
      throw invalid(origin + " lists no benchmarks");
    }
    return List.copyOf(out);
  }

  /**
   * Checks the definitions against this machine's environments: a task unknown here (for example a
   * suite not built into this version) cannot be evaluated locally.
   */
  public static void requireRunnable(List<BenchmarkDefinition> definitions, EnvironmentRegistry registry) {
    for (BenchmarkDefinition d : definitions) {
      try {
        d.validate(registry);
      } catch (KinitroException e) {
        throw new KinitroException(ErrorCode.MINER_BENCHMARK_INVALID, "cannot run locally: " + e.getMessage(), e);
      }
    }
  }

  private static BenchmarkDefinition one(JsonNode n, String origin) {
    if (!n.isObject()) {
      throw invalid(origin + ": a benchmark definition must be a JSON object");
    }
    try {
      if (n.has("provider") || n.has("benchmark_name") || n.has("env_names")) {
        String provider = text(n, "provider", origin);
        List<String> tasks = strings(n, "env_names", origin).stream()
            .map(env -> env.contains("/") ? env : provider + "/" + env).toList();
        JsonNode config = n.path("config");
        int imageSize = config.path("image_size").isIntegralNumber() ? config.path("image_size").asInt()
            : n.path("image_size").isIntegralNumber() ? n.path("image_size").asInt() : DEFAULT_IMAGE_SIZE;
        return new BenchmarkDefinition(text(n, "benchmark_name", origin), provider, tasks,
            integer(n, "tasks_per_env", origin), integer(n, "episodes_per_task", origin),
            integer(n, "max_episode_steps", origin), strings(n, "camera_names", origin), imageSize);
      }
      return new BenchmarkDefinition(text(n, "name", origin), text(n, "suite", origin), strings(n, "tasks", origin),
          integer(n, "variants_per_task", origin), integer(n, "episodes_per_task", origin),
          integer(n, "max_episode_steps", origin), strings(n, "cameras", origin),
          n.has("image_size") ? integer(n, "image_size", origin) : DEFAULT_IMAGE_SIZE);
    } catch (KinitroException e) {
      if (e.code() == ErrorCode.MINER_BENCHMARK_INVALID) {
        throw e;
      }
      throw invalid(origin + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode n, String key, String origin) {
    JsonNode v = n.path(key);
    if (!v.isString() || v.asString().isBlank()) {
      throw invalid(origin + ": '" + key + "' must be a non-empty string");
    }
    return v.asString();
  }

  private static int integer(JsonNode n, String key, String origin) {
    JsonNode v = n.path(key);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw invalid(origin + ": '" + key + "' must be an integer");
    }
    return v.asInt();
  }

  private static List<String> strings(JsonNode n, String key, String origin) {
    JsonNode v = n.path(key);
    if (!v.isArray()) {
      throw invalid(origin + ": '" + key + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isString()) {
        throw invalid(origin + ": '" + key + "' must be a list of strings");
      }
      out.add(item.asString());
    }
    return out;
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.MINER_BENCHMARK_INVALID, message);
  }
}
