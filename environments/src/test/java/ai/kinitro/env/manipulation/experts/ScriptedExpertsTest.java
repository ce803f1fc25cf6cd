package ai.kinitro.env.manipulation.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.manipulation.ManipulationSuite;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptedExpertsTest {
  @Test
  void everyTaskOfTheSuiteHasAnExpert() {
    assertThat(ScriptedExperts.tasks()).containsExactlyElementsOf(ManipulationSuite.taskNames());
  }

  @Test
  void theReachExpertMovesTowardsTheGoalAtFullSpeedWhenFar() {
    double[] obs = new double[39];
    obs[0] = 0;
    obs[1] = 0.6;
    obs[2] = 0.2;
    obs[36] = 0.5;
    obs[37] = 0.6;
    obs[38] = 0.21;
    assertThat(ScriptedExperts.forTask("reach").act(obs)).containsExactly(1f, 0f, 0.25f, 0f);
  }

  @Test
  void aPolicyActsOnEnvironmentObservationsAndReturnsAFloat32Action() {
    double[] obs = new double[39];
    obs[36] = -0.02;
    Tensor.Float32 action = ScriptedExperts.forTask("reach").act(Map.of("state", Tensor.float64(obs)));
    assertThat(action.shape()).containsExactly(4);
    assertThat(action.data()).containsExactly(-0.5f, 0f, 0f, 0f);
  }

  @Test
  void anUnknownTaskIsReportedWithTheKnownOnes() {
    assertThatThrownBy(() -> ScriptedExperts.forTask("juggle"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessageContaining("pick-place");
  }

  @Test
  void theRandomPolicyIsSeededAndStaysInRange() {
    float[] a = new RandomPolicy(9).act(new double[39]);
    assertThat(new RandomPolicy(9).act(new double[39])).containsExactly(a);
    for (float v : a) {
      assertThat(v).isBetween(-1f, 1f);
    }
  }
}
