package ai.kinitro.env.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.classic.ReferenceTrajectories.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every reference episode (up to 500 steps, or to termination) and compares each step
 * with the values computed independently from Gymnasium's equations: to float32 precision against
 * both reference sets (fdlibm and platform-libm trigonometry), bit for bit against the fdlibm set.
 */
class GymnasiumReferenceTest {
  private static final double TOLERANCE = 1e-6;

  static List<Episode> episodes() {
    List<Episode> all = new ArrayList<>(ReferenceTrajectories.fdlibm());
    all.addAll(ReferenceTrajectories.libm());
    return all;
  }

  static List<Episode> fdlibmEpisodes() {
    return ReferenceTrajectories.fdlibm();
  }

  @ParameterizedTest
  @MethodSource("episodes")
  void agreesWithTheReferenceToFloat32PrecisionAtEveryStep(Episode e) {
    try (Environment env = EnvironmentRegistry.standard().create(e.env())) {
      float[] first = obs(env.reset(e.seed().orElse(0L), e.resetOptions()));
      assertClose(e, -1, "initial observation", first, e.initialObservation());
      assertClose(e, -1, "initial state", env.state(), e.initialState());
      for (int t = 0; t < e.steps(); t++) {
        StepResult r = env.step(e.action(t));
        assertClose(e, t, "observation", obs(r.observation()), e.observations().get(t));
        assertClose(e, t, "reward", new double[] {r.reward()}, new double[] {e.rewards()[t]});
        assertClose(e, t, "state", env.state(), e.states().get(t));
        if (r.terminated() != e.terminated()[t] || r.truncated() != e.truncated()[t]) {
          fail("%s step %d: terminated/truncated %s/%s, reference %s/%s", e, t, r.terminated(), r.truncated(),
              e.terminated()[t], e.truncated()[t]);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("fdlibmEpisodes")
  void reproducesTheFdlibmReferenceBitForBit(Episode e) {
    // Same equations, same operation order, fdlibm trigonometry on both sides: not one bit differs.
    try (Environment env = EnvironmentRegistry.standard().create(e.env())) {
      assertThat(obs(env.reset(e.seed().orElse(0L), e.resetOptions()))).containsExactly(e.initialObservation());
      for (int t = 0; t < e.steps(); t++) {
        StepResult r = env.step(e.action(t));
        assertThat(obs(r.observation())).as("%s step %d observation", e, t).containsExactly(e.observations().get(t));
        assertThat(r.reward()).as("%s step %d reward", e, t).isEqualTo(e.rewards()[t]);
        assertThat(env.state()).as("%s step %d state", e, t).containsExactly(e.states().get(t));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("episodes")
  void endsAtTheSameStepWithTheSameFlags(Episode e) {
    try (Environment env = EnvironmentRegistry.standard().create(e.env())) {
      env.reset(e.seed().orElse(0L), e.resetOptions());
      StepResult last = null;
      for (int t = 0; t < e.steps(); t++) {
        last = env.step(e.action(t));
        assertThat(last.done()).as("%s done before step %d", e, t).isEqualTo(t == e.steps() - 1);
      }
      int end = e.steps() - 1;
      assertThat(List.of(last.terminated(), last.truncated())).containsExactly(e.terminated()[end], e.truncated()[end]);
    }
  }

  private static float[] obs(Map<String, Tensor> observation) {
    return ((Tensor.Float32) observation.get("state")).data();
  }

  private static void assertClose(Episode e, int step, String what, float[] actual, float[] expected) {
    double[] a = new double[actual.length];
    double[] x = new double[expected.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = actual[i];
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = expected[i];
    }
    assertClose(e, step, what, a, x);
  }

  private static void assertClose(Episode e, int step, String what, double[] actual, double[] expected) {
    boolean ok = actual.length == expected.length;
    for (int i = 0; ok && i < actual.length; i++) {
      double diff = Math.abs(actual[i] - expected[i]);
      ok = diff <= TOLERANCE || diff <= TOLERANCE * Math.abs(expected[i]);
    }
    if (!ok) {
      fail("%s step %d: %s %s differs from the reference %s", e, step, what, Arrays.toString(actual),
          Arrays.toString(expected));
    }
  }
}
