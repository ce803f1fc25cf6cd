package ai.kinitro.env.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.DType;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.Space;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.random.Pcg64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassicControlTest {
  private static final EnvironmentRegistry REGISTRY = EnvironmentRegistry.standard();

  private static Environment create(String id) {
    return REGISTRY.create(id);
  }

  private static float[] obs(Map<String, Tensor> observation) {
    return ((Tensor.Float32) observation.get("state")).data();
  }

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void theRegistryHasTheFiveTasksWithGymnasiumsTimeLimits() {
    Map<String, Integer> limits = new LinkedHashMap<>();
    for (EnvSpec spec : REGISTRY.specs()) {
      if (spec.id().suite().equals("classic")) {
        limits.put(spec.id().toString(), spec.maxEpisodeSteps());
      }
    }
    assertThat(limits).containsExactly(
        Map.entry("classic/CartPole-v1", 500),
        Map.entry("classic/Pendulum-v1", 200),
        Map.entry("classic/MountainCar-v0", 200),
        Map.entry("classic/MountainCarContinuous-v0", 999),
        Map.entry("classic/Acrobot-v1", 500));
  }

  @Test
  void spacesMatchGymnasium() {
    assertThat(REGISTRY.find("classic/CartPole-v1").orElseThrow().actionSpace()).isEqualTo(new Space.Discrete(2, 0));
    assertThat(REGISTRY.find("classic/Acrobot-v1").orElseThrow().actionSpace()).isEqualTo(new Space.Discrete(3, 0));
    assertThat(REGISTRY.find("classic/Pendulum-v1").orElseThrow().actionSpace())
        .isEqualTo(Space.Box.uniform(DType.FLOAT32, new int[] {1}, -2, 2));
    assertThat(REGISTRY.find("classic/MountainCar-v0").orElseThrow().observationSpaces().get("state"))
        .isEqualTo(new Space.Box(DType.FLOAT32, new int[] {2}, new double[] {-1.2f, -0.07f}, new double[] {0.6f, 0.07f}));
    assertThat(REGISTRY.find("classic/Acrobot-v1").orElseThrow().observationSpaces().get("state"))
        .isEqualTo(new Space.Box(DType.FLOAT32, new int[] {6},
            new double[] {-1, -1, -1, -1, -(float) (4 * Math.PI), -(float) (9 * Math.PI)},
            new double[] {1, 1, 1, 1, (float) (4 * Math.PI), (float) (9 * Math.PI)}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"classic/CartPole-v1", "classic/Pendulum-v1", "classic/MountainCar-v0",
      "classic/MountainCarContinuous-v0", "classic/Acrobot-v1"})
  void everyObservationOfARandomEpisodeLiesInTheObservationSpace(String id) {
    try (Environment env = create(id)) {
      Space space = env.spec().observationSpaces().get("state");
      Pcg64 policy = Pcg64.seeded(5);
      assertThat(space.contains(env.reset(3).get("state"))).isTrue();
      StepResult r;
      do {
        r = env.step(Episodes.randomAction(env.spec().actionSpace(), policy));
        assertThat(space.contains(r.observation().get("state"))).as("%s", r.observation()).isTrue();
      } while (!r.done());
    }
  }

  @Test
  void cartPoleResetDrawsNumpysUniformForSeed42() {
    // np.random.Generator(np.random.PCG64(np.random.SeedSequence(42))).uniform(-0.05, 0.05, size=(4,))
    // (numpy-random/vectors.json), which is what Gymnasium's CartPole-v1 reset(seed=42) uses.
    try (Environment env = create("classic/CartPole-v1")) {
      env.reset(42);
      assertThat(env.state()).containsExactly(0.027395604855596334, -0.006112156024794771,
          0.03585979199113824, 0.019736802905936393);
    }
  }

  @Test
  void pendulumResetDrawsAngleAndVelocityFromNumpysUniform() {
    Pcg64 numpy = Pcg64.seeded(9);
    try (Environment env = create("classic/Pendulum-v1")) {
      env.reset(9);
      assertThat(env.state()).containsExactly(numpy.uniform(-Math.PI, Math.PI), numpy.uniform(-1.0, 1.0));
    }
  }

  @Test
  void acrobotResetStoresItsDrawAsFloat32() {
    try (Environment env = create("classic/Acrobot-v1")) {
      env.reset(5);
      for (double v : env.state()) {
        assertThat((double) (float) v).isEqualTo(v);
        assertThat(v).isBetween(-0.1, 0.1);
      }
    }
  }

  @Test
  void steppingBeforeResetIsRefused() {
    try (Environment env = create("classic/CartPole-v1")) {
      assertCode(() -> env.step(Tensor.scalar(0)), ErrorCode.EPISODE_NOT_RUNNING);
    }
  }

  @Test
  void steppingAfterTerminationIsRefusedUntilTheNextReset() {
    try (Environment env = create("classic/CartPole-v1")) {
      env.reset(0);
      StepResult r;
      do {
        r = env.step(Tensor.scalar(1));
      } while (!r.done());
      assertThat(r.terminated()).isTrue();
      assertThat(r.reward()).isEqualTo(1.0);
      assertCode(() -> env.step(Tensor.scalar(1)), ErrorCode.EPISODE_NOT_RUNNING);
      env.reset(0);
      assertThat(env.step(Tensor.scalar(1)).done()).isFalse();
    }
  }

  @Test
  void theEpisodeIsTruncatedAtTheStepLimitFromTheOptions() {
    try (Environment env = create("classic/Pendulum-v1")) {
      env.reset(0, ResetOptions.DEFAULT.withMaxEpisodeSteps(3));
      assertThat(env.step(Tensor.float32(0f)).truncated()).isFalse();
      assertThat(env.step(Tensor.float32(0f)).truncated()).isFalse();
      StepResult last = env.step(Tensor.float32(0f));
      assertThat(last.truncated()).isTrue();
      assertThat(last.terminated()).isFalse();
    }
  }

  @Test
  void pendulumIsTruncatedAfter200StepsByDefault() {
    try (Environment env = create("classic/Pendulum-v1")) {
      env.reset(0);
      int steps = 0;
      StepResult r;
      do {
        r = env.step(Tensor.float32(0f));
        steps++;
      } while (!r.done());
      assertThat(steps).isEqualTo(200);
      assertThat(r.truncated()).isTrue();
    }
  }

  @Test
  void boxActionsOutsideTheBoundsAreClipped() {
    try (Environment clipped = create("classic/Pendulum-v1"); Environment edge = create("classic/Pendulum-v1")) {
      clipped.reset(1);
      edge.reset(1);
      StepResult a = clipped.step(Tensor.float32(7.5f));
      StepResult b = edge.step(Tensor.float32(2.0f));
      assertThat(obs(a.observation())).containsExactly(obs(b.observation()));
      assertThat(a.reward()).isEqualTo(b.reward());
    }
  }

  @Test
  void actionsOfTheWrongTypeShapeOrRangeAreRefused() {
    try (Environment cart = create("classic/CartPole-v1"); Environment pendulum = create("classic/Pendulum-v1")) {
      cart.reset(0);
      pendulum.reset(0);
      assertCode(() -> cart.step(Tensor.scalar(2)), ErrorCode.INVALID_ACTION);
      assertCode(() -> cart.step(Tensor.scalar(-1)), ErrorCode.INVALID_ACTION);
      assertCode(() -> cart.step(Tensor.float32(1f)), ErrorCode.INVALID_ACTION);
      assertCode(() -> pendulum.step(Tensor.float64(1.0)), ErrorCode.INVALID_ACTION);
      assertCode(() -> pendulum.step(Tensor.float32(1f, 1f)), ErrorCode.INVALID_ACTION);
      assertCode(() -> pendulum.step(Tensor.float32(Float.NaN)), ErrorCode.INVALID_ACTION);
      assertThat(cart.step(Tensor.scalar(1)).done()).isFalse(); // refused actions change nothing
    }
  }

  @Test
  void initialStatesOfTheWrongLengthOrNotFiniteAreRefused() {
    try (Environment env = create("classic/CartPole-v1")) {
      assertCode(() -> env.reset(0, ResetOptions.fromState(new double[] {0, 0, 0})), ErrorCode.INVALID_INITIAL_STATE);
      assertCode(() -> env.reset(0, ResetOptions.fromState(new double[] {0, Double.NaN, 0, 0})),
          ErrorCode.INVALID_INITIAL_STATE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"classic/CartPole-v1", "classic/Pendulum-v1", "classic/MountainCar-v0",
      "classic/MountainCarContinuous-v0", "classic/Acrobot-v1"})
  void restoringAMidEpisodeStateContinuesTheEpisodeBitForBit(String id) {
    try (Environment original = create(id); Environment replay = create(id)) {
      Pcg64 policy = Pcg64.seeded(8);
      original.reset(8);
      for (int i = 0; i < 5; i++) {
        original.step(Episodes.randomAction(original.spec().actionSpace(), policy));
      }
      replay.reset(0, ResetOptions.fromState(original.state()));
      assertThat(replay.state()).containsExactly(original.state());
      StepResult a;
      int steps = 0;
      do {
        Tensor action = Episodes.randomAction(original.spec().actionSpace(), policy);
        a = original.step(action);
        StepResult b = replay.step(action);
        assertThat(obs(b.observation())).containsExactly(obs(a.observation()));
        assertThat(b.reward()).isEqualTo(a.reward());
        assertThat(b.terminated()).isEqualTo(a.terminated());
        assertThat(replay.state()).containsExactly(original.state());
      } while (!a.done() && ++steps < 20);
    }
  }

  @Test
  void mountainCarContinuousTreatsATwoValueStateAsFreshFromReset() {
    try (Environment env = create("classic/MountainCarContinuous-v0")) {
      env.reset(0, ResetOptions.fromState(new double[] {-0.5, 0.01}));
      assertThat(env.state()).containsExactly(-0.5, 0.01, 0.0);
      env.step(Tensor.float32(0.5f));
      assertThat(env.state()[2]).isEqualTo(1.0);
    }
  }

  @Test
  void mountainCarContinuousPaysTheGoalBonusMinusTheControlCost() {
    try (Environment env = create("classic/MountainCarContinuous-v0")) {
      env.reset(0, ResetOptions.fromState(new double[] {0.449, 0.05}));
      StepResult r = env.step(Tensor.float32(1f));
      assertThat(r.terminated()).isTrue();
      assertThat(r.success()).isTrue();
      assertThat(r.reward()).isEqualTo(100.0 - 0.1);
    }
  }

  @Test
  void mountainCarStopsAtTheLeftWall() {
    try (Environment env = create("classic/MountainCar-v0")) {
      env.reset(0, ResetOptions.fromState(new double[] {-1.19, -0.07}));
      env.step(Tensor.scalar(0));
      assertThat(env.state()).containsExactly(-1.2, 0.0);
    }
  }

  @Test
  void aClosedEnvironmentRefusesEveryCall() {
    Environment env = create("classic/Acrobot-v1");
    env.reset(0);
    env.close();
    assertCode(() -> env.step(Tensor.scalar(0)), ErrorCode.ENVIRONMENT_CLOSED);
    assertCode(() -> env.reset(0), ErrorCode.ENVIRONMENT_CLOSED);
  }
}
