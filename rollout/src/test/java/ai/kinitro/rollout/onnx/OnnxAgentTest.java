package ai.kinitro.rollout.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.rollout.BenchmarkSpec;
import ai.kinitro.rollout.InProcessAgentClient;
import ai.kinitro.rollout.RolloutEngine;
import ai.kinitro.rollout.RolloutListener;
import ai.kinitro.rollout.RolloutOptions;
import ai.kinitro.rollout.RolloutResult;
import ai.kinitro.rollout.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's agent in this JVM, through the rollout engine. */
class OnnxAgentTest {
  @TempDir
  Path tmp;

  private static final BenchmarkSpec SPEC =
      BenchmarkSpec.of(List.of(new TaskSpec("cartpole#0", "classic/CartPole-v1", "", 77)), 8, 100);

  private static List<String> outcomes(RolloutResult r) {
    return r.episodes().stream().map(e -> e.seed() + ":" + e.steps() + ":" + e.totalReward() + ":" + e.success()).toList();
  }

  @Test
  void aBatchedRunCallsTheModelOncePerLockStepAndPlaysLikeTheJavaPolicy() throws IOException {
    Path model = Files.write(tmp.resolve("policy.onnx"), OnnxModelWriter.cartPolePolicy());
    RolloutEngine engine = new RolloutEngine(EnvironmentRegistry.standard());
    RolloutResult java = engine.run(SPEC,
        new InProcessAgentClient(PolicyAgent.ofState(PolicyAgent.linear(OnnxModelWriter.cartPoleWeights()))),
        RolloutOptions.DEFAULT, RolloutListener.NONE);
    try (OnnxPolicy policy = OnnxPolicy.load(model, "state", "action")) {
      OnnxAgent agent = new OnnxAgent(policy, "state", "policy.onnx");

      RolloutResult batched = engine.run(SPEC, new InProcessAgentClient(agent), RolloutOptions.DEFAULT.withBatchSize(8),
          RolloutListener.NONE);

      assertThat(outcomes(batched)).isEqualTo(outcomes(java));
      int longest = batched.episodes().stream().mapToInt(e -> e.steps()).max().orElseThrow();
      assertThat(policy.modelRuns()).isEqualTo(longest);
    }
  }
}
