package ai.kinitro.env.manipulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.DType;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.Space;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ManipulationEnvTest {
  private static Environment create(String task) {
    return EnvironmentRegistry.standard().create("manipulation/" + task + "-v1");
  }

  private static double[] state(Map<String, Tensor> obs) {
    return ((Tensor.Float64) obs.get("state")).data();
  }

  private static Tensor.Float32 action(double dx, double dy, double dz, double grip) {
    return Tensor.float32((float) dx, (float) dy, (float) dz, (float) grip);
  }

  @Test
  void theRegistryListsTheTenMt10TasksInOrder() {
    List<String> ids = EnvironmentRegistry.standard().specs().stream()
        .map(s -> s.id().toString())
        .filter(id -> id.startsWith("manipulation/"))
        .toList();
    assertThat(ids).containsExactly("manipulation/reach-v1", "manipulation/push-v1", "manipulation/pick-place-v1",
        "manipulation/door-open-v1", "manipulation/drawer-open-v1", "manipulation/drawer-close-v1",
        "manipulation/button-press-topdown-v1", "manipulation/peg-insert-side-v1", "manipulation/window-open-v1",
        "manipulation/window-close-v1");
  }

  @Test
  void theSpecDescribesA39ValueObservationAndAFourValueAction() {
    EnvSpec spec = EnvironmentRegistry.standard().find("manipulation/push-v1").orElseThrow();
    Space.Box obs = (Space.Box) spec.observationSpaces().get("state");
    assertThat(obs.dtype()).isEqualTo(DType.FLOAT64);
    assertThat(obs.shape()).containsExactly(39);
    assertThat(spec.actionSpace()).isEqualTo(Space.Box.uniform(DType.FLOAT32, new int[] {4}, -1, 1));
    assertThat(spec.maxEpisodeSteps()).isEqualTo(500);
    assertThat(spec.cameras()).contains("corner", "topview");
  }

  @Test
  void resetReportsTheHandOpenGripperObjectGoalAndARepeatedFirstFrame() {
    try (Environment env = create("pick-place")) {
      Map<String, Tensor> first = env.reset(3);
      double[] o = state(first);
      assertThat(o).hasSize(39);
      assertThat(Arrays.copyOfRange(o, 0, 4)).containsExactly(0, 0.6, 0.2, 1.0);
      assertThat(o[4]).isBetween(-0.1, 0.1);
      assertThat(o[5]).isBetween(0.6, 0.7);
      assertThat(o[6]).isCloseTo(0.02, within(1e-9));
      assertThat(Arrays.copyOfRange(o, 7, 11)).containsExactly(0, 0, 0, 1);
      assertThat(Arrays.copyOfRange(o, 11, 18)).containsOnly(0);
      assertThat(Arrays.copyOfRange(o, 18, 36)).containsExactly(Arrays.copyOfRange(o, 0, 18));
      assertThat(o[38]).isBetween(0.05, 0.3);
      assertThat(env.spec().observationSpaces().get("state").contains(first.get("state"))).isTrue();
    }
  }

  @Test
  void anActionMovesTheHandOneCentimetrePerUnitAndThePreviousFrameFollows() {
    try (Environment env = create("reach")) {
      double[] before = state(env.reset(0));
      double[] after = state(env.step(action(1, -0.5, 0.25, 0)).observation());
      assertThat(after[0]).isCloseTo(0.01, within(1e-12));
      assertThat(after[1]).isCloseTo(0.595, within(1e-12));
      assertThat(after[2]).isCloseTo(0.2025, within(1e-12));
      assertThat(Arrays.copyOfRange(after, 18, 36)).containsExactly(Arrays.copyOfRange(before, 0, 18));
    }
  }

  @Test
  void actionsAreClippedAndTheHandStaysInsideTheWorkspace() {
    try (Environment env = create("reach")) {
      env.reset(0);
      double[] o = null;
      for (int i = 0; i < 60; i++) {
        o = state(env.step(action(-7, -7, -7, 0)).observation());
      }
      assertThat(Arrays.copyOfRange(o, 0, 3)).containsExactly(-0.5, 0.4, 0.05);
    }
  }

  @Test
  void closingTheGripperOnNothingShrinksTheOpeningToZero() {
    try (Environment env = create("reach")) {
      env.reset(0);
      double[] o = null;
      for (int i = 0; i < 10; i++) {
        o = state(env.step(action(0, 0, 0, 1)).observation());
      }
      assertThat(o[3]).isZero();
    }
  }

  @Test
  void theEpisodeIsTruncatedAtTheStepLimitAndThenRefusesSteps() {
    try (Environment env = create("push")) {
      env.reset(1, ResetOptions.DEFAULT.withMaxEpisodeSteps(3));
      assertThat(env.step(action(0, 0, 0, 0)).truncated()).isFalse();
      assertThat(env.step(action(0, 0, 0, 0)).truncated()).isFalse();
      StepResult last = env.step(action(0, 0, 0, 0));
      assertThat(last.truncated()).isTrue();
      assertThat(last.terminated()).isFalse();
      assertCode(() -> env.step(action(0, 0, 0, 0)), ErrorCode.EPISODE_NOT_RUNNING);
    }
  }

  @Test
  void rewardsStayBetweenZeroAndTen() {
    for (String task : ManipulationSuite.taskNames()) {
      try (Environment env = create(task)) {
        env.reset(2);
        for (int i = 0; i < 30; i++) {
          double r = env.step(action(Math.sin(i), Math.cos(i), -0.5, i % 2)).reward();
          assertThat(r).as(task).isBetween(0.0, 10.0);
        }
      }
    }
  }

  @Test
  void stepBeforeResetIsRefused() {
    try (Environment env = create("push")) {
      assertCode(() -> env.step(action(0, 0, 0, 0)), ErrorCode.EPISODE_NOT_RUNNING);
    }
  }

  @Test
  void malformedActionsAreRefused() {
    try (Environment env = create("push")) {
      env.reset(0);
      assertCode(() -> env.step(Tensor.float32(0, 0, 0)), ErrorCode.INVALID_ACTION);
      assertCode(() -> env.step(Tensor.scalar(1)), ErrorCode.INVALID_ACTION);
      assertCode(() -> env.step(Tensor.float32(0, Float.NaN, 0, 0)), ErrorCode.INVALID_ACTION);
    }
  }

  @Test
  void aStateFromAnotherTaskOrOfTheWrongLengthIsRefused() {
    double[] pushState;
    try (Environment push = create("push")) {
      push.reset(0);
      pushState = push.state();
    }
    try (Environment door = create("door-open")) {
      assertCode(() -> door.reset(0, ResetOptions.fromState(pushState)), ErrorCode.INVALID_INITIAL_STATE);
    }
    try (Environment push = create("push")) {
      double[] shortened = Arrays.copyOf(pushState, pushState.length - 1);
      assertCode(() -> push.reset(0, ResetOptions.fromState(shortened)), ErrorCode.INVALID_INITIAL_STATE);
    }
  }

  @Test
  void renderingGivesTheRequestedSizeFromEachCamera() {
    try (Environment env = create("door-open")) {
      env.reset(0);
      for (String camera : env.spec().cameras()) {
        RgbImage small = env.render(camera, 84, 84);
        assertThat(small.width()).isEqualTo(84);
        assertThat(small.rgb()).hasSize(84 * 84 * 3);
      }
      RgbImage large = env.render("corner", 480, 320);
      assertThat(large.width()).isEqualTo(480);
      assertThat(large.height()).isEqualTo(320);
    }
  }

  @Test
  void renderingIsDeterministicAndCamerasDiffer() {
    try (Environment a = create("drawer-open"); Environment b = create("drawer-open")) {
      a.reset(4);
      b.reset(4);
      assertThat(a.render("corner", 96, 96).rgb()).isEqualTo(b.render("corner", 96, 96).rgb());
      assertThat(a.render("corner", 96, 96).rgb()).isNotEqualTo(a.render("topview", 96, 96).rgb());
    }
  }

  @Test
  void unknownCamerasAndUnsupportedSizesAreRefused() {
    try (Environment env = create("reach")) {
      env.reset(0);
      assertCode(() -> env.render("ceiling", 84, 84), ErrorCode.UNKNOWN_CAMERA);
      assertCode(() -> env.render("corner", 8, 84), ErrorCode.INVALID_IMAGE_SIZE);
      assertCode(() -> env.render("corner", 84, 4096), ErrorCode.INVALID_IMAGE_SIZE);
    }
  }

  @Test
  void aClosedEnvironmentRefusesEverything() {
    Environment env = create("reach");
    env.reset(0);
    env.close();
    env.close();
    assertCode(() -> env.reset(0), ErrorCode.ENVIRONMENT_CLOSED);
    assertCode(() -> env.step(action(0, 0, 0, 0)), ErrorCode.ENVIRONMENT_CLOSED);
  }

  @Test
  void seedsVaryObjectsAndGoalsWithinMetaWorldRanges() {
    try (Environment env = create("push")) {
      for (long seed = 0; seed < 30; seed++) {
        double[] o = state(env.reset(seed));
        assertThat(o[4]).isBetween(-0.1, 0.1);
        assertThat(o[5]).isBetween(0.6, 0.7);
        assertThat(o[36]).isBetween(-0.1, 0.1);
        assertThat(o[37]).isBetween(0.8, 0.9);
        assertThat(Math.hypot(o[4] - o[36], o[5] - o[37])).isGreaterThanOrEqualTo(0.15);
      }
    }
  }

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
