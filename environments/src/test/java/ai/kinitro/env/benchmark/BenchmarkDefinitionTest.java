package ai.kinitro.env.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.validator.BenchmarkSpec;
import ai.kinitro.common.protocol.validator.TaskSpec;
import ai.kinitro.env.EnvironmentRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchmarkDefinitionTest {
  private final EnvironmentRegistry registry = EnvironmentRegistry.standard();

  private static BenchmarkDefinition classic(List<String> tasks, int maxSteps, List<String> cameras) {
    return new BenchmarkDefinition("classic-mix", "classic", tasks, 2, 3, maxSteps, cameras, 84);
  }

  @Test
  void aValidDefinitionExpandsIntoOneTaskEntryPerVariantWithTheGivenSeeds() {
    BenchmarkDefinition def = classic(List.of("classic/CartPole-v1", "classic/Acrobot-v1"), 200, List.of("default"));
    def.validate(registry);

    BenchmarkSpec spec = def.toJobSpec(i -> 1000 + i);

    assertThat(spec.tasks()).containsExactly(
        new TaskSpec("classic/CartPole-v1:0", "classic/CartPole-v1", 1000),
        new TaskSpec("classic/CartPole-v1:1", "classic/CartPole-v1", 1001),
        new TaskSpec("classic/Acrobot-v1:0", "classic/Acrobot-v1", 1002),
        new TaskSpec("classic/Acrobot-v1:1", "classic/Acrobot-v1", 1003));
    assertThat(spec.episodesPerTask()).isEqualTo(3);
    assertThat(spec.totalEpisodes()).isEqualTo(def.totalEpisodes()).isEqualTo(12);
    assertThat(spec.config().get("image_size").asInt()).isEqualTo(84);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    BenchmarkDefinition def = classic(List.of("classic/CartPole-v1", "classic/Nope-v0"), 600, List.of("default", "topview"));
    assertThatThrownBy(() -> def.validate(registry))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("unknown environment 'classic/Nope-v0'")
        .hasMessageContaining("has no camera 'topview'")
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void aTaskFromAnotherSuiteIsRefused() {
    BenchmarkDefinition def = new BenchmarkDefinition("x", "manipulation", List.of("classic/CartPole-v1"), 1, 1, 10,
        List.of("default"), 84);
    assertThatThrownBy(() -> def.validate(registry)).hasMessageContaining("is not in suite 'manipulation'");
  }

  @Test
  void imageSizesOutsideTheRenderersRangeAreRefused() {
    assertThatThrownBy(() -> new BenchmarkDefinition("x", "classic", List.of("classic/CartPole-v1"), 1, 1, 10,
        List.of("default"), 64)).hasMessageContaining("image_size must be between 84 and 480");
  }

  @Test
  void theMt10PresetListsTheTenMetaWorldTasks() {
    BenchmarkDefinition mt10 = BenchmarkDefinition.mt10();
    assertThat(mt10.tasks()).hasSize(10).allSatisfy(t -> assertThat(t).startsWith("manipulation/"));
    assertThat(BenchmarkDefinition.mt1("manipulation/reach-v1").tasks()).containsExactly("manipulation/reach-v1");
  }

  @Test
  void thePresetsAreValidAgainstTheShippedRegistry() {
    BenchmarkDefinition.mt10().validate(registry);
    for (String task : BenchmarkDefinition.MT10_TASKS) {
      BenchmarkDefinition.mt1(task).validate(registry);
    }
  }

  @Test
  void jsonUsesTheSnakeCaseFieldNamesTheProtocolDocuments() {
    JsonMapper json = JsonMapper.builder().build();
    BenchmarkDefinition mt10 = BenchmarkDefinition.mt10();

    JsonNode tree = json.valueToTree(mt10);

    assertThat(tree.propertyNames()).containsExactly("name", "suite", "tasks", "variants_per_task", "episodes_per_task",
        "max_episode_steps", "cameras", "image_size");
    assertThat(json.readValue(json.writeValueAsString(mt10), BenchmarkDefinition.class)).isEqualTo(mt10);
  }

  @Test
  void readingJsonWithoutARequiredFieldFailsNamingIt() {
    JsonMapper json = JsonMapper.builder().build();
    String withoutImageSize = """
        {"name":"x","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":1,"episodes_per_task":1,
         "max_episode_steps":10,"cameras":["default"]}""";

    assertThatThrownBy(() -> json.readValue(withoutImageSize, BenchmarkDefinition.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("image_size");
  }
}
