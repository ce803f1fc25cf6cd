package ai.kinitro.miner.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.check.LocalAgentLauncher;
import ai.kinitro.miner.config.MinerConfig;
import ai.kinitro.miner.eval.Benchmarks;
import ai.kinitro.miner.eval.LocalEvalListener;
import ai.kinitro.miner.eval.LocalEvalOptions;
import ai.kinitro.miner.eval.LocalEvalReport;
import ai.kinitro.miner.eval.LocalEvaluator;
import ai.kinitro.rollout.EpisodeSummary;
import ai.kinitro.rollout.RolloutListener;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "local-eval", mixinStandardHelpOptions = true,
    description = {"Run the competition's benchmarks against the agent on this machine, as an evaluator would "
        + "(packaged, checked, sandboxed), with local seeds.",
        "Writes .kinitro/miner_runs/run-<UTC>/summary.json and PNG frames of the first episodes."})
final class LocalEvalCommand implements Callable<Integer> {
  @ParentCommand MinerCli root;
  @Spec CommandSpec spec;
  @Mixin SharedOptions shared;
  @Mixin AgentOptions agent;

  @Option(names = "--benchmark-file", paramLabel = "FILE",
      description = "Benchmark definitions from a JSON file (one, a list, or a competition) instead of the backend.")
  Path file;

  @Option(names = "--benchmark", paramLabel = "NAME", description = "Run only the benchmark with this name.")
  String only;

  @Option(names = "--seed", paramLabel = "N", description = "Base of the local task seeds (default: random; printed).")
  Long seed;

  @Option(names = "--batch", defaultValue = "1", paramLabel = "N", description = "Episodes stepped together (ActBatch).")
  int batch;

  @Option(names = "--frames", defaultValue = "1", paramLabel = "N", description = "Save frames of the first N episodes.")
  int frames;

  @Option(names = "--frame-interval", defaultValue = "10", paramLabel = "N", description = "Save every N-th step's frames.")
  int frameInterval;

  @Option(names = "--deadline", defaultValue = "15", paramLabel = "MINUTES", description = "Time per benchmark.")
  long deadlineMinutes;

  @Override
  public Integer call() {
    CliContext ctx = root.context;
    Output o = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), shared.json, ctx.interactive());
    MinerConfig config = shared.resolve(ctx);
    List<BenchmarkDefinition> definitions;
    if (file != null) {
      definitions = Benchmarks.readFile(ctx.cwd().resolve(file));
    } else {
      String competition = config.requireCompetition();
      definitions = Benchmarks.parse(new BackendClient(config.backendUrl(), ctx.http(), BackendClient.DEFAULT_TIMEOUT)
          .competition(competition).json(), "competition " + competition);
    }
    if (only != null) {
      definitions = definitions.stream().filter(d -> d.name().equals(only)).toList();
      if (definitions.isEmpty()) {
        throw new KinitroException(ErrorCode.MINER_BENCHMARK_INVALID, "no benchmark is named '" + only + "'");
      }
    }
    long base = seed != null ? seed : new SecureRandom().nextLong();
    LocalEvalOptions options = LocalEvalOptions.DEFAULT.withSeed(base).withBatchSize(batch).withFrames(frames, frameInterval)
        .withRunDeadline(Duration.ofMinutes(deadlineMinutes));
    LocalEvaluator evaluator = new LocalEvaluator(new LocalAgentLauncher(
        CheckCommand.withCompetitionLimit(agent.options(), config, ctx, o)));
    o.note("local-eval: seed " + Long.toUnsignedString(base) + " (repeat the run with --seed " + base + ")");
    LocalEvalReport report = evaluator.run(config.agentDir(), definitions, options, new LocalEvalListener() {
      private String label = "";

      @Override
      public void passed(String step) {
        o.note("ok  " + step);
      }

      @Override
      public void benchmarkStarted(BenchmarkDefinition benchmark, int episodes) {
        label = benchmark.name();
        o.note(benchmark.name() + ": " + benchmark.tasks().size() + " task(s) x " + benchmark.variantsPerTask()
            + " variant(s) x " + benchmark.episodesPerTask() + " episode(s) = " + episodes + " episodes");
      }

      @Override
      public void episodeFinished(EpisodeSummary e) {
        if (e.failure().isPresent() && e.outcome() == ai.kinitro.rollout.EpisodeOutcome.FAILED) {
          o.note("episode " + e.episodeIndex() + " (" + e.taskId() + ") failed: " + e.failure().get());
        }
      }

      @Override
      public void progress(RolloutListener.Progress p) {
        o.progress(label, p.episodesFinished(), p.totalEpisodes(), "episodes");
      }
    });
    o.endProgress();
    ObjectNode j = o.object();
    j.put("completed", report.completed());
    j.put("run_dir", report.runDir().toString());
    j.put("summary", report.summary().toString());
    j.put("seed", Long.toUnsignedString(report.seed()));
    ArrayNode bs = j.putArray("benchmarks");
    for (LocalEvalReport.BenchmarkRun b : report.benchmarks()) {
      var m = b.result().metrics();
      o.line(String.format(Locale.ROOT, "%s: success rate %.3f, mean reward %.3f, %d episodes, %d steps%s",
          b.definition().name(), m.successRate(), m.meanReward(), m.totalEpisodes(), m.totalSteps(),
          b.result().failure().map(f -> "; STOPPED: " + f.code() + " (" + f.code().number() + "): " + f.message())
              .orElse("")));
      ObjectNode bj = bs.addObject();
      bj.put("name", b.definition().name());
      bj.put("completed", b.result().completed());
      bj.put("success_rate", m.successRate());
      bj.put("mean_reward", m.meanReward());
      bj.put("total_episodes", m.totalEpisodes());
      bj.put("failed_episodes", m.failedEpisodes());
      bj.put("frames_written", b.framesWritten());
      b.result().failure().ifPresent(f -> bj.put("failure", f.code().name()));
    }
    o.line("Summary: " + report.summary());
    o.result(j);
    return report.completed() ? 0 : MinerCli.NOT_SUCCEEDED;
  }
}
