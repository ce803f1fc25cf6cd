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
 * Gymnasium's Pendulum-v1: swing a pendulum up and keep it upright. State {@code (theta,
 * theta_dot)} in float64 (theta is not wrapped); observation {@code (cos theta, sin theta,
 * theta_dot)} in float32; action a float32 torque clipped to [-2, 2]; reward {@code -(norm(theta)^2
 * + 0.1 theta_dot^2 + 0.001 u^2)}; never terminates; truncated after 200 steps. The torque term is
 * computed in float32 as NumPy does for a float32 action. Success is not defined (always false).
 */
final class Pendulum extends ClassicEnvironment {
  static final double MAX_SPEED = 8;
  static final float MAX_TORQUE = 2.0f;
  static final double DT = 0.05;
  static final double G = 10.0;
  static final double M = 1.0;
  static final double L = 1.0;

  static final EnvSpec SPEC = new EnvSpec(
      new EnvId("classic", "Pendulum", 1),
      Map.of(OBSERVATION, new Space.Box(DType.FLOAT32, new int[] {3},
          new double[] {-1.0, -1.0, -MAX_SPEED}, new double[] {1.0, 1.0, MAX_SPEED})),
      Space.Box.uniform(DType.FLOAT32, new int[] {1}, -MAX_TORQUE, MAX_TORQUE),
      200,
      List.of(CAMERA),
      "Swing a pendulum upright with a torque in [-2, 2]; Gymnasium Pendulum-v1 dynamics");

  private double theta;
  private double thetaDot;
  private float lastTorque;

  Pendulum() {
    super(SPEC);
  }

  @Override
  void sample(Pcg64 rng) {
    theta = rng.uniform(-Math.PI, Math.PI);
    thetaDot = rng.uniform(-1.0, 1.0);
    lastTorque = 0;
  }

  @Override
  void restore(double[] s) {
    theta = s[0];
    thetaDot = s[1];
    lastTorque = 0;
  }

  @Override
  boolean acceptsStateLength(int length) {
    return length == 2;
  }

  @Override
  String stateDescription() {
    return "2 values (theta, theta_dot)";
  }

  @Override
  double[] currentState() {
    return new double[] {theta, thetaDot};
  }

  @Override
  Tensor.Float32 observation() {
    return vector((float) StrictMath.cos(theta), (float) StrictMath.sin(theta), (float) thetaDot);
  }

  /** {@code ((x + pi) mod 2 pi) - pi} with Python's floored modulo. */
  static double angleNormalize(double x) {
    double period = 2 * Math.PI;
    double m = (x + Math.PI) % period;
    if (m != 0 && m < 0) {
      m += period;
    }
    return m - Math.PI;
  }

  @Override
  double advance(Tensor action) {
    float u = boxAction(action, -MAX_TORQUE, MAX_TORQUE);
    lastTorque = u;
    double norm = angleNormalize(theta);
    float torqueCost = 0.001f * (u * u); // float32 arithmetic, as NumPy for a float32 action
    double costs = norm * norm + 0.1 * (thetaDot * thetaDot) + torqueCost;
    float drive = 3.0f * u; // 3 / (m l^2) * u, float32
    double newThetaDot = thetaDot + (3 * G / (2 * L) * StrictMath.sin(theta) + drive) * DT;
    newThetaDot = Math.min(Math.max(newThetaDot, -MAX_SPEED), MAX_SPEED);
    theta = theta + newThetaDot * DT;
    thetaDot = newThetaDot;
    return -costs;
  }

  @Override
  boolean success(boolean terminated, boolean truncated) {
    return false;
  }

  @Override
  void draw(Canvas2D c) {
    // Gymnasium's 500x500 picture: the scene spans [-2.2, 2.2] in both axes.
    double scale = 500 / 4.4;
    double offset = 250;
    double rodLength = scale;
    double rodWidth = 0.2 * scale;
    double angle = theta + Math.PI / 2;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double[] corners = {0, -rodWidth / 2, 0, rodWidth / 2, rodLength, rodWidth / 2, rodLength, -rodWidth / 2};
    double[] rod = new double[8];
    for (int i = 0; i < 8; i += 2) {
      rod[i] = corners[i] * cos - corners[i + 1] * sin + offset;
      rod[i + 1] = corners[i] * sin + corners[i + 1] * cos + offset;
    }
    c.setScene(500, 500);
    c.clear(0xFFFFFF);
    c.fillPolygon(rod, 0xCC4D4D);
    c.fillCircle(offset, offset, rodWidth / 2, 0xCC4D4D);
    c.fillCircle(offset + rodLength * cos, offset + rodLength * sin, rodWidth / 2, 0xCC4D4D);
    if (lastTorque != 0) {
      // A bar below the pendulum's reach stands in for Gymnasium's arrow image: its length and side
      // show the last torque (positive, counter-clockwise, to the left).
      double bar = lastTorque / MAX_TORQUE * 0.8 * scale;
      double barY = offset - 1.6 * scale;
      c.line(offset, barY, offset - bar, barY, 0.08 * scale, 0x555555);
      c.fillCircle(offset, barY, 0.06 * scale, 0x000000);
    }
    c.fillCircle(offset, offset, 0.05 * scale, 0x000000);
  }
}
