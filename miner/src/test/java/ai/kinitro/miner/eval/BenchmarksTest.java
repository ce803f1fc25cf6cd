package ai.kinitro.miner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BenchmarksTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final BenchmarkDefinition CARTPOLE = new BenchmarkDefinition("cartpole", "classic",
      List.of("classic/CartPole-v1"), 2, 3, 100, List.of("default"), 96);

  @Test
  void readsADefinitionWithTheEnvironmentsModulesFieldNames() {
    String json = """
        {"name":"cartpole","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":2,
         "episodes_per_task":3,"max_episode_steps":100,"cameras":["default"],"image_size":96}""";

    assertThat(Benchmarks.parse(JSON.readTree(json), "test")).containsExactly(CARTPOLE);
  }

  @Test
  void readsTheBenchmarksOfACompetitionAsTheBackendReturnsIt() {
    String json = """
        {"id":"7","name":"c","active":true,"benchmarks":[
          {"provider":"classic","benchmark_name":"cartpole","env_names":["CartPole-v1"],"tasks_per_env":2,
           "episodes_per_task":3,"max_episode_steps":100,"camera_names":["default"],"config":{"image_size":96}}]}""";

    assertThat(Benchmarks.parse(JSON.readTree(json), "test")).containsExactly(CARTPOLE);
  }

  @Test
  void aListOfDefinitionsKeepsItsOrder() {
    String json = """
        [{"name":"a","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":1,"episodes_per_task":1,
          "max_episode_steps":10,"cameras":["default"]},
         {"name":"b","suite":"classic","tasks":["classic/Acrobot-v1"],"variants_per_task":1,"episodes_per_task":1,
          "max_episode_steps":10,"cameras":["default"]}]""";

    assertThat(Benchmarks.parse(JSON.readTree(json), "test")).extracting(BenchmarkDefinition::name).containsExactly("a", "b");
  }

  @Test
  void aMissingFieldIsNamed() {
    String json = """
        {"name":"x","suite":"classic","tasks":["classic/CartPole-v1"],"episodes_per_task":1,"max_episode_steps":10,
         "cameras":["default"]}""";

    assertThatThrownBy(() -> Benchmarks.parse(JSON.readTree(json), "bench.json"))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_BENCHMARK_INVALID);
          assertThat(e.getMessage()).isEqualTo("bench.json: 'variants_per_task' must be an integer");
        });
  }

  @Test
  void theMt10PresetRunsOnThisMachine() {
    Benchmarks.requireRunnable(List.of(BenchmarkDefinition.mt10()), EnvironmentRegistry.standard());
  }

  @Test
  void aTaskThisMachineDoesNotHaveCannotRunLocally() {
    BenchmarkDefinition future = BenchmarkDefinition.mt1("manipulation/reach-v9");

    assertThatThrownBy(() -> Benchmarks.requireRunnable(List.of(future), EnvironmentRegistry.standard()))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MINER_BENCHMARK_INVALID);
          assertThat(e.getMessage()).startsWith("cannot run locally: ").contains("unknown environment 'manipulation/reach-v9'")
              .contains("classic/CartPole-v1");
        });
  }
}
