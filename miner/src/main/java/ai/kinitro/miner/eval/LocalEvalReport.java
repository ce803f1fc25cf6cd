package ai.kinitro.miner.eval;

import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.rollout.RolloutResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finished local evaluation: the run folder with {@code summary.json} and {@code frames/}, and
 * each benchmark's result.
 */
public record LocalEvalReport(Path runDir, Path summary, long seed, List<BenchmarkRun> benchmarks) {
  public LocalEvalReport {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(summary, "summary");
    benchmarks = List.copyOf(benchmarks);
  }

  /** One benchmark's outcome and how many frames were saved. */
  public record BenchmarkRun(BenchmarkDefinition definition, RolloutResult result, int framesWritten) {
    public BenchmarkRun {
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(result, "result");
    }
  }

  /** True when every benchmark ran to the end without an agent fault. */
  public boolean completed() {
    return benchmarks.stream().allMatch(b -> b.result().completed());
  }
}
