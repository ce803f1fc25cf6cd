package ai.kinitro.miner.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.miner.check.LocalAgentLauncher;
import ai.kinitro.miner.check.LocalAgentOptions;
import ai.kinitro.miner.template.AgentTemplate;
import ai.kinitro.miner.template.AgentTemplates;
import ai.kinitro.rollout.BenchmarkSpec;
import ai.kinitro.rollout.EpisodeSeeds;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.testsupport.agent.TestAgentProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LocalEvaluatorTest {
  @TempDir Path tmp;

  private static final BenchmarkDefinition CARTPOLE = new BenchmarkDefinition("cartpole", "classic",
      List.of("classic/CartPole-v1"), 2, 1, 60, List.of("default"), 84);

  @Test
  void localSeedsFollowTheBaseSeedAndTheTaskIndex() {
    BenchmarkSpec spec = LocalEvaluator.localSpec(CARTPOLE, 42);

    assertThat(spec.tasks()).extracting(t -> t.taskId() + "=" + t.seed()).containsExactly(
        "classic/CartPole-v1:0=" + EpisodeSeeds.episodeSeed(42, 0), "classic/CartPole-v1:1=" + EpisodeSeeds.episodeSeed(42, 1));
    assertThat(spec.cameras()).containsExactly("default");
    assertThat(spec.maxEpisodeSteps()).isEqualTo(60);
  }

  @Test
  @Tag("slow")
  void runsTheBenchmarkAgainstTheSandboxedAgentAndWritesSummaryAndFrames() throws IOException {
    Path agent = tmp.resolve("agent");
    AgentTemplates.create(agent, AgentTemplate.JAVA, new AgentTemplates.Options(TestAgentProject.JAVA, null));
    TestAgentProject.build(agent);
    LocalEvaluator evaluator = new LocalEvaluator(new LocalAgentLauncher(LocalAgentOptions.DEFAULT.withWorkDir(tmp.resolve("w"))
        .withAgentLimits(LocalAgentOptions.DEFAULT.agentLimits().withStartupTimeout(Duration.ofSeconds(40)))));
    List<RolloutListener.Progress> progress = new ArrayList<>();

    LocalEvalReport report = evaluator.run(agent, List.of(CARTPOLE), LocalEvalOptions.DEFAULT.withSeed(7).withFrames(1, 20),
        new LocalEvalListener() {
          @Override
          public void progress(RolloutListener.Progress p) {
            progress.add(p);
          }
        });

    assertThat(report.completed()).isTrue();
    assertThat(report.runDir().getParent()).isEqualTo(agent.resolve(".kinitro/miner_runs"));
    assertThat(progress).extracting(RolloutListener.Progress::episodesFinished).containsExactly(1, 2);
    JsonNode summary = JsonMapper.builder().build().readTree(Files.readString(report.summary()));
    assertThat(summary.path("seed").asString()).isEqualTo("7");
    assertThat(summary.path("agent").path("name").asString()).isEqualTo("my-agent/1");
    JsonNode bench = summary.path("benchmarks").get(0);
    assertThat(bench.path("completed").asBoolean()).isTrue();
    assertThat(bench.path("metrics").path("total_episodes").asInt()).isEqualTo(2);
    assertThat(bench.path("episodes")).hasSize(2);
    assertThat(bench.path("episodes").get(0).path("steps").asInt()).isEqualTo(60);
    // Frames of episode 0 only, every 20th step plus the last: steps 0, 20, 40 and 59.
    Path frames = report.runDir().resolve("frames/cartpole/classic_CartPole-v1_0/episode_0000");
    try (Stream<Path> files = Files.list(frames)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
          "step_000000_default.png", "step_000020_default.png", "step_000040_default.png", "step_000059_default.png");
    }
    assertThat(report.benchmarks().getFirst().framesWritten()).isEqualTo(4);
    assertThat(Files.readAllBytes(frames.resolve("step_000000_default.png"))).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  @Tag("slow")
  void theOnnxTemplatesGeneratedModelBalancesThePoleThroughTheRunner() {
    Path agent = tmp.resolve("onnx-agent");
    AgentTemplates.create(agent, AgentTemplate.ONNX, AgentTemplates.Options.DEFAULT);
    BenchmarkDefinition cartpole = new BenchmarkDefinition("cartpole", "classic", List.of("classic/CartPole-v1"), 3, 1,
        200, List.of("default"), 84);
    LocalEvaluator evaluator = new LocalEvaluator(new LocalAgentLauncher(LocalAgentOptions.DEFAULT.withWorkDir(tmp.resolve("w"))
        .withAgentLimits(LocalAgentOptions.DEFAULT.agentLimits().withStartupTimeout(Duration.ofSeconds(60)))));

    LocalEvalReport report = evaluator.run(agent, List.of(cartpole), LocalEvalOptions.DEFAULT.withSeed(3).withFrames(0, 10)
        .withBatchSize(3), new LocalEvalListener() {});

    assertThat(report.completed()).isTrue();
    var metrics = report.benchmarks().getFirst().result().metrics();
    assertThat(metrics.totalEpisodes()).isEqualTo(3);
    assertThat(metrics.successRate()).isEqualTo(1.0);
  }
}
