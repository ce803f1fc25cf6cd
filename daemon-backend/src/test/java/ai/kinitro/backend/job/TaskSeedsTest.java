package ai.kinitro.backend.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TaskSeedsTest {
  final TaskSeeds seeds = new TaskSeeds("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));

  @Test
  void aSeedDependsOnlyOnTheSecretTheJobAndTheTaskIndex() {
    assertThat(seeds.seed(7, 0)).isEqualTo(new TaskSeeds("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8)).seed(7, 0));
    assertThat(seeds.seed(7, 0)).isNotEqualTo(seeds.seed(7, 1)).isNotEqualTo(seeds.seed(8, 0));
    assertThat(seeds.seed(7, 0)).isNotEqualTo(new TaskSeeds("another secret, also long enough".getBytes(StandardCharsets.UTF_8)).seed(7, 0));
  }

  @Test
  void seedsAreNonNegative() {
    for (int i = 0; i < 1000; i++) {
      assertThat(seeds.seed(123, i)).isNotNegative();
    }
  }

  @Test
  void toStringHidesTheSecret() {
    assertThat(seeds.toString()).doesNotContain("secret of");
  }
}
