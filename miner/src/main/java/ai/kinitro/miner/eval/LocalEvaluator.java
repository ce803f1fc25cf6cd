package ai.kinitro.miner.eval;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.env.render.PngEncoder;
import ai.kinitro.miner.check.LocalAgent;
import ai.kinitro.miner.check.LocalAgentLauncher;
import ai.kinitro.rollout.BenchmarkSpec;
import ai.kinitro.rollout.EpisodeSeeds;
import ai.kinitro.rollout.EpisodeSummary;
import ai.kinitro.rollout.RolloutEngine;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.RolloutResult;
import ai.kinitro.rollout.StepRecord;
import ai.kinitro.rollout.TaskMetrics;
import ai.kinitro.rollout.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs benchmarks against an agent project on this machine. The agent is started once with {@link
 * LocalAgentLauncher} (packaged, checked, sandboxed: as on an evaluator), then each benchmark is
 * expanded into tasks with local seeds derived from {@link LocalEvalOptions#seed()} and run by the
 * same {@link RolloutEngine} the evaluator uses. Results go to {@code
 * <agent>/.kinitro/miner_runs/run-<UTC time>/}: {@code summary.json} and {@code
 * frames/<benchmark>/<task>/episode_NNNN/step_NNNNNN_<camera>.png} for the first episodes.
 */
public final class LocalEvaluator {
  public static final String RUNS_DIR = ".kinitro/miner_runs";
  public static final int SCHEMA_VERSION = 1;
  private static final DateTimeFormatter RUN_NAME =
      DateTimeFormatter.ofPattern("'run-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final LocalAgentLauncher launcher;
  private final EnvironmentRegistry registry;
  private final Clock clock;

  public LocalEvaluator(LocalAgentLauncher launcher, EnvironmentRegistry registry, Clock clock) {
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public LocalEvaluator(LocalAgentLauncher launcher) {
    this(launcher, EnvironmentRegistry.standard(), Clock.systemUTC());
  }

  /** The rollout spec of a definition with local seeds: task {@code i} gets {@code splitmix64} of (seed, i). */
  public static BenchmarkSpec localSpec(BenchmarkDefinition definition, long seed) {
    var job = definition.toJobSpec(index -> EpisodeSeeds.episodeSeed(seed, (int) index));
    List<TaskSpec> tasks = job.tasks().stream().map(t -> new TaskSpec(t.taskId(), t.envName(), "", t.seed())).toList();
    return new BenchmarkSpec(tasks, definition.episodesPerTask(), definition.maxEpisodeSteps(), definition.cameras(),
        definition.imageSize());
  }

  public LocalEvalReport run(Path agentDir, List<BenchmarkDefinition> definitions, LocalEvalOptions options,
      LocalEvalListener listener) {
    Objects.requireNonNull(definitions, "definitions");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    if (definitions.isEmpty()) {
      throw new KinitroException(ErrorCode.MINER_BENCHMARK_INVALID, "no benchmark to run");
    }
    Benchmarks.requireRunnable(definitions, registry);
    Path root = agentDir.toAbsolutePath().normalize();
    Instant started = clock.instant();
    Path runDir = newRunDir(root, started);
    List<LocalEvalReport.BenchmarkRun> runs = new ArrayList<>();
    ObjectNode summary = JSON.createObjectNode();
    summary.put("schema_version", SCHEMA_VERSION);
    summary.put("started_at", started.toString());
    summary.put("agent_dir", root.toString());
    summary.put("seed", Long.toUnsignedString(options.seed()));
    summary.put("seed_note", "local seeds: the evaluator's seeds are secret, so scores differ run to run");
    try (LocalAgent local = launcher.start(root, listener)) {
      ObjectNode archive = summary.putObject("archive");
      archive.put("sha256", local.archive().sha256());
      archive.put("size_bytes", local.archive().sizeBytes());
      archive.put("files", local.archive().fileCount());
      ObjectNode agent = summary.putObject("agent");
      agent.put("name", local.agent().agentName());
      agent.put("isolation", local.agent().isolation().name());
      agent.put("startup_ms", local.startup().toMillis());
      ArrayNode results = summary.putArray("benchmarks");
      RolloutEngine engine = new RolloutEngine(registry, clock);
      for (BenchmarkDefinition definition : definitions) {
        BenchmarkSpec spec = localSpec(definition, options.seed());
        listener.benchmarkStarted(definition, spec.totalEpisodes());
        Path framesDir = runDir.resolve("frames").resolve(safe(definition.name()));
        FrameWriter frames = new FrameWriter(framesDir, options.frameEpisodes());
        RolloutResult result = engine.run(spec, local.agent().client(), options.rolloutOptions(), new RolloutListener() {
          @Override
          public void stepSampled(StepRecord step) {
            frames.write(step);
          }

          @Override
          public void episodeFinished(EpisodeSummary episode) {
            listener.episodeFinished(episode);
          }

          @Override
          public void progress(Progress progress) {
            listener.progress(progress);
          }
        });
        frames.rethrow();
        runs.add(new LocalEvalReport.BenchmarkRun(definition, result, frames.written()));
        results.add(benchmarkJson(definition, result, frames, runDir));
      }
    }
    summary.put("finished_at", clock.instant().toString());
    summary.put("completed", runs.stream().allMatch(r -> r.result().completed()));
    Path summaryFile = runDir.resolve("summary.json");
    try {
      Files.writeString(summaryFile, JSON.writeValueAsString(summary) + "\n");
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "cannot write " + summaryFile + ": " + e.getMessage(), e);
    }
    return new LocalEvalReport(runDir, summaryFile, options.seed(), runs);
  }

  private ObjectNode benchmarkJson(BenchmarkDefinition d, RolloutResult result, FrameWriter frames, Path runDir) {
    ObjectNode b = JSON.createObjectNode();
    ObjectNode def = b.putObject("definition");
    def.put("name", d.name());
    def.put("suite", d.suite());
    d.tasks().forEach(def.putArray("tasks")::add);
    def.put("variants_per_task", d.variantsPerTask());
    def.put("episodes_per_task", d.episodesPerTask());
    def.put("max_episode_steps", d.maxEpisodeSteps());
    d.cameras().forEach(def.putArray("cameras")::add);
    def.put("image_size", d.imageSize());
    b.put("completed", result.completed());
    result.failure().ifPresent(f -> {
      ObjectNode failure = b.putObject("failure");
      failure.put("code", f.code().number());
      failure.put("name", f.code().name());
      failure.put("message", f.message());
    });
    ObjectNode m = b.putObject("metrics");
    m.put("success_rate", result.metrics().successRate());
    m.put("mean_reward", result.metrics().meanReward());
    m.put("total_episodes", result.metrics().totalEpisodes());
    m.put("total_steps", result.metrics().totalSteps());
    m.put("failed_episodes", result.metrics().failedEpisodes());
    m.put("elapsed_ms", result.elapsed().toMillis());
    ArrayNode tasks = b.putArray("tasks");
    for (TaskMetrics t : result.metrics().tasks()) {
      ObjectNode o = tasks.addObject();
      o.put("task_id", t.taskId());
      o.put("env_id", t.envId());
      o.put("episodes", t.episodes());
      o.put("successes", t.successes());
      o.put("failed_episodes", t.failedEpisodes());
      o.put("success_rate", t.successRate());
      o.put("mean_reward", t.meanReward());
      o.put("mean_steps", t.meanSteps());
    }
    ArrayNode episodes = b.putArray("episodes");
    for (EpisodeSummary e : result.episodes()) {
      ObjectNode o = episodes.addObject();
      o.put("episode_index", e.episodeIndex());
      o.put("task_id", e.taskId());
      o.put("env_id", e.envId());
      o.put("episode_in_task", e.episodeInTask());
      o.put("seed", Long.toUnsignedString(e.seed()));
      o.put("steps", e.steps());
      o.put("total_reward", e.totalReward());
      o.put("success", e.success());
      o.put("outcome", e.outcome().name());
      e.failure().ifPresent(code -> o.put("failure", code.name()));
      o.put("duration_ms", e.duration().toMillis());
    }
    b.put("frames_written", frames.written());
    if (frames.written() > 0) {
      b.put("frames_dir", runDir.relativize(frames.dir()).toString());
    }
    return b;
  }

  private static Path newRunDir(Path root, Instant at) {
    Path runs = root.resolve(RUNS_DIR);
    try {
      Files.createDirectories(runs);
      String name = RUN_NAME.format(at);
      Path dir = runs.resolve(name);
      for (int i = 2; Files.exists(dir); i++) {
        dir = runs.resolve(name + "-" + i);
      }
      return Files.createDirectory(dir);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "cannot create a run folder under " + runs + ": "
          + e.getMessage(), e);
    }
  }

  /** A file-name-safe form of a task or benchmark id ({@code classic/CartPole-v1:0} -> {@code classic_CartPole-v1_0}). */
  static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Writes sampled frames of the first episodes; a failure is kept and reported after the run. */
  private static final class FrameWriter {
    private final Path dir;
    private final int episodes;
    private int written;
    private KinitroException failure;

    FrameWriter(Path dir, int episodes) {
      this.dir = dir;
      this.episodes = episodes;
    }

    void write(StepRecord step) {
      if (step.episodeIndex() >= episodes || step.frames().isEmpty() || failure != null) {
        return;
      }
      Path episodeDir = dir.resolve(safe(step.taskId())).resolve("episode_%04d".formatted(step.episodeIndex()));
      try {
        Files.createDirectories(episodeDir);
        for (var frame : step.frames().entrySet()) {
          RgbImage image = frame.getValue();
          Files.write(episodeDir.resolve("step_%06d_%s.png".formatted(step.step(), safe(frame.getKey()))),
              PngEncoder.encode(image));
          written++;
        }
      } catch (IOException e) {
        failure = new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "cannot write frames to " + episodeDir + ": "
            + e.getMessage(), e);
      }
    }

    void rethrow() {
      if (failure != null) {
        throw failure;
      }
    }

    int written() {
      return written;
    }

    Path dir() {
      return dir;
    }
  }
}
