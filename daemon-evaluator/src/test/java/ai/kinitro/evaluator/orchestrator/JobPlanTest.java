package ai.kinitro.evaluator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.validator.Artifact;
import ai.kinitro.common.protocol.validator.BenchmarkSpec;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.TaskSpec;
import ai.kinitro.env.EnvironmentRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JobPlanTest {
  private static final Artifact ARTIFACT = new Artifact(URI.create("https://vault.example/a.tar.gz"),
      Instant.parse("2026-03-01T18:00:00Z"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 10);

  private static EvalJob job(String provider, String env, List<String> cameras, ObjectNode config) {
    return new EvalJob(UUID.randomUUID(), 1, 2, "c1", EvaluatorHarness.MINER, new BenchmarkSpec(provider, "bench", config,
        cameras, 3, 200, List.of(new TaskSpec("t0", env, 42), new TaskSpec("t1", env, -7))), ARTIFACT,
        Instant.parse("2026-03-01T14:00:00Z"), Instant.parse("2026-03-01T12:00:00Z"));
  }

  @Test
  void mapsTasksToRegistryEnvironmentsKeepingTheJobsSeedsInsideTheEvaluator() {
    ObjectNode config = JsonNodeFactory.instance.objectNode().put("image_size", 48);

    JobPlan plan = JobPlan.of(job("classic", "CartPole-v1", List.of("default"), config), EnvironmentRegistry.standard(), 64);

    assertThat(plan.spec()).isEqualTo(new ai.kinitro.rollout.BenchmarkSpec(List.of(
        new ai.kinitro.rollout.TaskSpec("t0", "classic/CartPole-v1", "", 42),
        new ai.kinitro.rollout.TaskSpec("t1", "classic/CartPole-v1", "", -7)), 3, 200, List.of("default"), 48));
  }

  @Test
  void anEnvNameThatIsAlreadyARegistryIdAsTheBackendSendsItIsUsedAsIs() {
    JobPlan plan = JobPlan.of(job("classic", "classic/CartPole-v1", List.of("default"), JsonNodeFactory.instance.objectNode()),
        EnvironmentRegistry.standard(), 64);

    assertThat(plan.spec().tasks()).extracting(ai.kinitro.rollout.TaskSpec::envId).containsOnly("classic/CartPole-v1");
  }

  @Test
  void anEnvironmentThisEvaluatorLacksIsUnsupported() {
    assertThatThrownBy(() -> JobPlan.of(job("metaworld", "reach-v3", List.of("corner"), JsonNodeFactory.instance.objectNode()),
        EnvironmentRegistry.standard(), 64))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BENCHMARK_UNSUPPORTED);
          assertThat(e.getMessage()).contains("metaworld/reach-v3");
        });
  }

  @Test
  void aCameraTheEnvironmentLacksIsUnsupported() {
    assertThatThrownBy(() -> JobPlan.of(job("classic", "CartPole-v1", List.of("corner"), JsonNodeFactory.instance.objectNode()),
        EnvironmentRegistry.standard(), 64))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BENCHMARK_UNSUPPORTED));
  }
}
