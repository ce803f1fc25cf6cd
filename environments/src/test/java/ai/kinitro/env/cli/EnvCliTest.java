package ai.kinitro.env.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class EnvCliTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = EnvCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void listShowsEveryRegisteredIdAsJson() {
    Run run = run("list", "--json");
    assertThat(run.exit()).isZero();
    JsonNode rows = EnvCli.JSON.readTree(run.out());
    assertThat(rows.findValuesAsString("id")).contains("classic/CartPole-v1", "classic/Acrobot-v1");
  }

  @Test
  void runPrintsProgressAndMetricsAndSavesFramesAndAGif() throws Exception {
    Path frames = dir.resolve("frames");
    Run run = run("run", "--env", "classic/MountainCar-v0", "--agent", "scripted", "--episodes", "2", "--frames",
        frames.toString(), "--size", "84", "--json");
    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("episode 1/2").contains("episode 2/2").contains("wrote");
    JsonNode summary = EnvCli.JSON.readTree(run.out());
    assertThat(summary.get("success_rate").asDouble()).isEqualTo(1.0);
    assertThat(frames.resolve("frame_00001.png")).exists();
    byte[] gif = Files.readAllBytes(frames.resolve("episode.gif"));
    assertThat(new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
  }

  @Test
  void replayFromAStatePrintsOneJsonLinePerStepAndIsReproducible() throws Exception {
    Path actions = Files.writeString(dir.resolve("actions.json"), "[1, 0, 1, 1, 0]");
    String[] args = {"replay", "--env", "classic/CartPole-v1", "--state", "[0.01, 0.02, 0.03, 0.04]", "--actions",
        actions.toString()};
    Run first = run(args);
    Run second = run(args);

    assertThat(first.exit()).isZero();
    List<String> lines = first.out().lines().toList();
    assertThat(lines).hasSize(6);
    JsonNode step1 = EnvCli.JSON.readTree(lines.get(1));
    assertThat(step1.get("step").asInt()).isEqualTo(1);
    assertThat(step1.get("reward").asDouble()).isEqualTo(1.0);
    assertThat(step1.get("observation").get("state").size()).isEqualTo(4);
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void anUnknownEnvironmentIsAUserErrorListingTheKnownIds() {
    Run run = run("run", "--env", "classic/Nope-v0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("NOT_FOUND").contains("classic/CartPole-v1");
  }
}
