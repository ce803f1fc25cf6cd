package ai.kinitro.env.manipulation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.env.Environment;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.manipulation.experts.ManipulationPolicy;
import ai.kinitro.env.manipulation.experts.RandomPolicy;
import ai.kinitro.env.manipulation.experts.ScriptedExperts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  static List<String> tasks() {
    return ManipulationSuite.taskNames();
  }

  @ParameterizedTest
  @MethodSource("tasks")
  void theSameSeedGivesABitIdenticalEpisode(String task) {
    assertThat(Trajectories.digest(task, 11, 150)).isEqualTo(Trajectories.digest(task, 11, 150));
  }

  @ParameterizedTest
  @MethodSource("tasks")
  void differentSeedsGiveDifferentEpisodes(String task) {
    assertThat(Trajectories.digest(task, 1, 20)).isNotEqualTo(Trajectories.digest(task, 2, 20));
  }

  @ParameterizedTest
  @MethodSource("tasks")
  void theStateAfterResetReplaysTheEpisode(String task) {
    try (Environment env = Trajectories.factory(task).create()) {
      env.reset(5);
      double[] start = env.state();
      String fromSeed = Trajectories.digest(env, ScriptedExperts.forTask(task), env.reset(5), 120);
      String fromState = Trajectories.digest(env, ScriptedExperts.forTask(task),
          env.reset(999, ResetOptions.fromState(start)), 120);
      assertThat(fromState).isEqualTo(fromSeed);
    }
  }

  @ParameterizedTest
  @MethodSource("tasks")
  void aMidEpisodeStateContinuesBitIdentically(String task) {
    try (Environment env = Trajectories.factory(task).create()) {
      ManipulationPolicy expert = ScriptedExperts.forTask(task);
      Map<String, Tensor> obs = env.reset(3);
      for (int i = 0; i < 40; i++) {
        obs = env.step(expert.act(obs)).observation();
      }
      double[] middle = env.state();
      String continued = Trajectories.digest(env, expert, obs, 80);
      Map<String, Tensor> restored = env.reset(0, ResetOptions.fromState(middle));
      assertThat(restored).isEqualTo(obs);
      assertThat(Trajectories.digest(env, expert, restored, 80)).isEqualTo(continued);
    }
  }

  @Test
  void interleavedEnvironmentsDoNotDisturbEachOther() {
    String alone = randomDigest(null);
    try (Environment other = Trajectories.factory("peg-insert-side").create()) {
      other.reset(77);
      assertThat(randomDigest(other)).isEqualTo(alone);
    }
  }

  /** A random-policy episode of push, stepping {@code other} between every step when given. */
  private static String randomDigest(Environment other) {
    try (Environment env = Trajectories.factory("push").create()) {
      ManipulationPolicy policy = new RandomPolicy(4);
      ManipulationPolicy otherPolicy = new RandomPolicy(5);
      Map<String, Tensor> obs = env.reset(8);
      Map<String, Tensor> otherObs = other == null ? null : other.reset(9);
      StringBuilder trace = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        StepResult r = env.step(policy.act(obs));
        obs = r.observation();
        trace.append(obs.get("state")).append(r.reward());
        if (other != null) {
          otherObs = other.step(otherPolicy.act(otherObs)).observation();
        }
      }
      return trace.toString();
    }
  }

  @Test
  void environmentsOnParallelThreadsGiveTheSameEpisodesAsAlone() throws Exception {
    List<String> tasks = List.of("pick-place", "door-open", "peg-insert-side", "push");
    List<String> alone = tasks.stream().map(t -> Trajectories.digest(t, 13, 150)).toList();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(tasks.size())) {
      List<java.util.concurrent.Future<String>> futures = tasks.stream()
          .map(t -> pool.submit(() -> Trajectories.digest(t, 13, 150)))
          .toList();
      for (int i = 0; i < tasks.size(); i++) {
        assertThat(futures.get(i).get()).as(tasks.get(i)).isEqualTo(alone.get(i));
      }
    }
  }

  @Test
  void aChildProcessProducesTheSameEpisode() throws IOException, InterruptedException {
    String expected = Trajectories.digest("pick-place", 21, 200);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        TrajectoryMain.class.getName(), "pick-place", "21", "200")
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).isEqualTo(expected);
  }
}
