package ai.kinitro.backend.competition;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Checks competition benchmark definitions (the shared {@link BenchmarkDefinition}) before they are
 * stored (v1 never validated them and a broken spec only failed inside evaluators, §10 #7): the
 * list's size, unique names usable on the wire, a bounded job size, and
 * {@link BenchmarkDefinition#validate} against the {@link EnvironmentRegistry}. Failures map to the
 * backend's codes: an environment id missing from the registry is {@code UNKNOWN_ENVIRONMENT},
 * everything else {@code INVALID_BENCHMARK_SPEC}.
 */
@Component
public class BenchmarkValidator {
  public static final int MAX_BENCHMARKS = 50;
  public static final int MAX_TASKS_PER_JOB = 10_000;

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

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
    Set<String> names = new HashSet<>();
    for (int i = 0; i < benchmarks.size(); i++) {
      BenchmarkDefinition b = benchmarks.get(i);
      String at = "benchmarks[" + i + "]";
      validateOne(b, at);
      if (!names.add(b.name())) {
        throw invalid(at + ".name '" + b.name() + "' is used twice; names must be unique");
      }
    }
    return List.copyOf(benchmarks);
  }

  private void validateOne(BenchmarkDefinition b, String at) {
    if (b == null) {
      throw invalid(at + " is null");
    }
    if (!TOKEN.matcher(b.name()).matches()) {
      throw invalid(at + ".name must be 1-128 characters of letters, digits, '_', '.', ':' or '-'");
    }
    for (String camera : b.cameras()) {
      if (!TOKEN.matcher(camera).matches()) {
        throw invalid(at + ".cameras contains an invalid name '" + camera + "'");
      }
    }
    if (new HashSet<>(b.cameras()).size() != b.cameras().size()) {
      throw invalid(at + ".cameras contains a name twice");
    }
    for (int j = 0; j < b.tasks().size(); j++) {
      String task = b.tasks().get(j);
      if (registry.find(task).isEmpty()) {
        String known = registry.specs().stream().map(s -> s.id().toString()).sorted().collect(Collectors.joining(", "));
        throw new KinitroException(ErrorCode.UNKNOWN_ENVIRONMENT, at + ".tasks[" + j + "]: unknown environment '" + task
            + "'. Known: " + (known.isEmpty() ? "(none registered)" : known));
      }
    }
    long tasksPerJob = (long) b.tasks().size() * b.variantsPerTask();
    if (tasksPerJob > MAX_TASKS_PER_JOB) {
      throw invalid(at + " would run " + tasksPerJob + " tasks per job; the maximum is " + MAX_TASKS_PER_JOB);
    }
    try {
      b.validate(registry);
    } catch (KinitroException e) {
      throw invalid(at + ": " + e.getMessage());
    }
  }

  /**
   * The error for a benchmark definition that could not even be read (a missing or mistyped
   * field, or a value the shared type's constructor refuses), when {@code failure} happened inside
   * the {@code benchmarks} list of a competition body; empty for failures elsewhere.
   */
  public static java.util.Optional<KinitroException> readFailure(JacksonException failure) {
    StringBuilder at = new StringBuilder();
    boolean inBenchmarks = false;
    for (JacksonException.Reference ref : failure.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!inBenchmarks && "benchmarks".equals(ref.getPropertyName())) {
          inBenchmarks = true;
          at.append("benchmarks");
        } else if (inBenchmarks) {
          at.append('.').append(ref.getPropertyName());
        }
      } else if (inBenchmarks && ref.getIndex() >= 0) {
        at.append('[').append(ref.getIndex()).append(']');
      }
    }
    if (!inBenchmarks) {
      return java.util.Optional.empty();
    }
    String reason = failure.getOriginalMessage();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KinitroException k) {
        reason = k.getMessage();
        break;
      }
    }
    return java.util.Optional.of(invalid(at + ": " + reason));
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_BENCHMARK_SPEC, message);
  }
}
