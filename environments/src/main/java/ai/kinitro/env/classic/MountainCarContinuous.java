package ai.kinitro.env.classic;

import ai.kinitro.env.DType;
import ai.kinitro.env.EnvId;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Space;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.random.Pcg64;
import ai.kinitro.env.render.Canvas2D;
import java.util.List;
import java.util.Map;

/**
 * Gymnasium's MountainCarContinuous-v0: the mountain car with a float32 force in [-1, 1] (power
 * 0.0015), goal at position 0.45; reward {@code -0.1 a^2} per step plus 100 on reaching the goal;
 * truncated after 999 steps. Success = reached the goal.
 *
 * <p>Gymnasium keeps this state as float64 right after reset but as float32 after every step, and
 * NumPy 2 evaluates the float32 steps in float32 (Python floats are "weak" and are cast to
 * float32, NEP 50). We reproduce both modes; {@link #state()} therefore has a third entry, 0 for
 * float64 (fresh from reset) and 1 for float32 (after a step). A two-value initial state is taken
 * as a fresh float64 state, like Gymnasium's reset.
 */
final class MountainCarContinuous extends ClassicEnvironment {
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.45;
  static final double GOAL_VELOCITY = 0;
  static final float POWER = 0.0015f; // 0.0015 multiplies a float32 force, so it acts as float32
  static final float MIN_ACTION = -1.0f;
  static final float MAX_ACTION = 1.0f;

  static final EnvSpec SPEC = new EnvSpec(
      new EnvId("classic", "MountainCarContinuous", 0),
      Map.of(OBSERVATION, new Space.Box(DType.FLOAT32, new int[] {2},
          new double[] {(float) MIN_POSITION, (float) -MAX_SPEED}, new double[] {(float) MAX_POSITION, (float) MAX_SPEED})),
      Space.Box.uniform(DType.FLOAT32, new int[] {1}, MIN_ACTION, MAX_ACTION),
      999,
      List.of(CAMERA),
      "Drive a car up the right hill with a force in [-1, 1], paying 0.1 a^2 per step and earning 100 at the goal; "
          + "Gymnasium MountainCarContinuous-v0 dynamics");

  private double position;
  private double velocity;
  /** True once a step has stored the state as float32, as Gymnasium does. */
  private boolean float32;

  MountainCarContinuous() {
    super(SPEC);
  }

  @Override
  void sample(Pcg64 rng) {
    position = rng.uniform(-0.6, -0.4);
    velocity = 0;
    float32 = false;
  }

  @Override
  void restore(double[] s) {
    float32 = s.length == 3 && s[2] != 0;
    position = float32 ? (float) s[0] : s[0];
    velocity = float32 ? (float) s[1] : s[1];
  }

  @Override
  boolean acceptsStateLength(int length) {
    return length == 2 || length == 3;
  }

  @Override
  String stateDescription() {
    return "2 values (position, velocity) or 3 (position, velocity, 1 if stored as float32 else 0)";
  }

  @Override
  double[] currentState() {
    return new double[] {position, velocity, float32 ? 1 : 0};
  }

  @Override
  Tensor.Float32 observation() {
    return vector((float) position, (float) velocity);
  }

  @Override
  double advance(Tensor action) {
    float force = boxAction(action, MIN_ACTION, MAX_ACTION);
    float push = force * POWER;
    if (float32) {
      stepFloat32(push);
    } else {
      stepFloat64(push);
    }
    float32 = true;
    double reward = terminated ? 100.0 : 0.0;
    reward -= (double) force * force * 0.1;
    return reward;
  }

  /** The first step after reset: position and velocity are float64 scalars. */
  private void stepFloat64(float push) {
    double p = position;
    double v = velocity;
    float accel = push - (float) (0.0025 * StrictMath.cos(3 * p)); // float32 - Python float -> float32
    v = v + accel; // float64 + float32 -> float64
    if (v > MAX_SPEED) {
      v = MAX_SPEED;
    }
    if (v < -MAX_SPEED) {
      v = -MAX_SPEED;
    }
    p = p + v;
    if (p > MAX_POSITION) {
      p = MAX_POSITION;
    }
    if (p < MIN_POSITION) {
      p = MIN_POSITION;
    }
    if (p == MIN_POSITION && v < 0) {
      v = 0;
    }
    terminated = p >= GOAL_POSITION && v >= GOAL_VELOCITY;
    position = (float) p;
    velocity = (float) v;
  }

  /**
   * Later steps: position and velocity are float32 scalars, so products, sums and comparisons with
   * Python floats happen in float32; a clamped value becomes a Python float that is cast back to
   * float32 when it is next combined or stored, which gives the same value as clamping in float32.
   */
  private void stepFloat32(float push) {
    float p = (float) position;
    float v = (float) velocity;
    float threeP = 3 * p;
    float accel = push - (float) (0.0025 * StrictMath.cos(threeP));
    v = v + accel;
    if (v > (float) MAX_SPEED) {
      v = (float) MAX_SPEED;
    }
    if (v < (float) -MAX_SPEED) {
      v = (float) -MAX_SPEED;
    }
    p = p + v;
    if (p > (float) MAX_POSITION) {
      p = (float) MAX_POSITION;
    }
    if (p < (float) MIN_POSITION) {
      p = (float) MIN_POSITION;
    }
    if (p == (float) MIN_POSITION && v < 0) {
      v = 0;
    }
    terminated = p >= (float) GOAL_POSITION && v >= GOAL_VELOCITY;
    position = p;
    velocity = v;
  }

  @Override
  boolean success(boolean terminated, boolean truncated) {
    return terminated;
  }

  @Override
  void draw(Canvas2D c) {
    MountainCarScene.draw(c, position, GOAL_POSITION);
  }
}
