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
 * Gymnasium's MountainCar-v0: drive an underpowered car up the right hill. State {@code
 * (position, velocity)} in float64; action 0 (push left), 1 (none), 2 (push right); velocity
 * clipped to ±0.07, position to [-1.2, 0.6] with an inelastic left wall; reward -1 per step;
 * terminates at position >= 0.5 with velocity >= 0; truncated after 200 steps. Success = reached
 * the goal.
 */
final class MountainCar extends ClassicEnvironment {
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.5;
  static final double GOAL_VELOCITY = 0;
  static final double FORCE = 0.001;
  static final double GRAVITY = 0.0025;

  static final EnvSpec SPEC = new EnvSpec(
      new EnvId("classic", "MountainCar", 0),
      Map.of(OBSERVATION, new Space.Box(DType.FLOAT32, new int[] {2},
          new double[] {(float) MIN_POSITION, (float) -MAX_SPEED}, new double[] {(float) MAX_POSITION, (float) MAX_SPEED})),
      new Space.Discrete(3, 0),
      200,
      List.of(CAMERA),
      "Rock a car out of a valley with pushes left (0), none (1) or right (2); Gymnasium MountainCar-v0 dynamics");

  private double position;
  private double velocity;

  MountainCar() {
    super(SPEC);
  }

  @Override
  void sample(Pcg64 rng) {
    position = rng.uniform(-0.6, -0.4);
    velocity = 0;
  }

  @Override
  void restore(double[] s) {
    position = s[0];
    velocity = s[1];
  }

  @Override
  boolean acceptsStateLength(int length) {
    return length == 2;
  }

  @Override
  String stateDescription() {
    return "2 values (position, velocity)";
  }

  @Override
  double[] currentState() {
    return new double[] {position, velocity};
  }

  @Override
  Tensor.Float32 observation() {
    return vector((float) position, (float) velocity);
  }

  @Override
  double advance(Tensor action) {
    int a = discreteAction(action, 3);
    velocity = velocity + ((a - 1) * FORCE + StrictMath.cos(3 * position) * -GRAVITY);
    velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
    position = position + velocity;
    position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
    if (position == MIN_POSITION && velocity < 0) {
      velocity = 0;
    }
    terminated = position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
    return -1.0;
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
