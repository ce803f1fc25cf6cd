package ai.kinitro.env.classic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterminismTest {

  @ParameterizedTest
  @ValueSource(strings = {"classic/CartPole-v1", "classic/Pendulum-v1", "classic/MountainCar-v0",
      "classic/MountainCarContinuous-v0", "classic/Acrobot-v1"})
  void theSameSeedGivesABitIdenticalEpisodeTwice(String id) {
    assertThat(Episodes.digest(id, 2024)).isEqualTo(Episodes.digest(id, 2024));
  }

  @ParameterizedTest
  @ValueSource(strings = {"classic/CartPole-v1", "classic/Pendulum-v1", "classic/MountainCar-v0",
      "classic/MountainCarContinuous-v0", "classic/Acrobot-v1"})
  void differentSeedsGiveDifferentEpisodes(String id) {
    assertThat(Episodes.digest(id, 1)).isNotEqualTo(Episodes.digest(id, 2));
  }

  @Test
  void aChildJvmProducesTheSameEpisodesAsThisOne() throws IOException, InterruptedException {
    long seed = 77;
    List<String> expected = new ArrayList<>();
    for (String id : Episodes.IDS) {
      expected.add(id + " " + seed + " " + Episodes.digest(id, seed));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EpisodeDigestMain.class.getName(), Long.toString(seed))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(output.strip().lines().toList()).containsExactlyElementsOf(expected);
  }
}
