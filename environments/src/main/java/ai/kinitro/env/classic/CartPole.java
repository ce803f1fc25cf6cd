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
 * Gymnasium's CartPole-v1 (Barto, Sutton and Anderson's cart-pole, explicit Euler with tau 0.02).
 * State {@code (x, x_dot, theta, theta_dot)} in float64; action 0 pushes left, 1 right with 10 N;
 * reward +1 every step including the terminating one; terminates when |x| > 2.4 or |theta| > 12
 * degrees; truncated after 500 steps. Success: the episode reached the time limit without falling.
 */
final class CartPole extends ClassicEnvironment {
  static final double GRAVITY = 9.8;
  static final double MASS_CART = 1.0;
  static final double MASS_POLE = 0.1;
  static final double TOTAL_MASS = MASS_POLE + MASS_CART;
  static final double LENGTH = 0.5; // half the pole's length
  static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
  static final double FORCE_MAG = 10.0;
  static final double TAU = 0.02;
  static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
  static final double X_THRESHOLD = 2.4;

  static final EnvSpec SPEC = new EnvSpec(
      new EnvId("classic", "CartPole", 1),
      Map.of(OBSERVATION, new Space.Box(DType.FLOAT32, new int[] {4},
          new double[] {-(float) (X_THRESHOLD * 2), Double.NEGATIVE_INFINITY, -(float) (THETA_THRESHOLD * 2), Double.NEGATIVE_INFINITY},
          new double[] {(float) (X_THRESHOLD * 2), Double.POSITIVE_INFINITY, (float) (THETA_THRESHOLD * 2), Double.POSITIVE_INFINITY})),
      new Space.Discrete(2, 0),
      500,
      List.of(CAMERA),
      "Balance a pole on a cart by pushing it left (0) or right (1); Gymnasium CartPole-v1 dynamics");

  private double x;
  private double xDot;
  private double theta;
  private double thetaDot;

  CartPole() {
    super(SPEC);
  }

  @Override
  void sample(Pcg64 rng) {
    x = rng.uniform(-0.05, 0.05);
    xDot = rng.uniform(-0.05, 0.05);
    theta = rng.uniform(-0.05, 0.05);
    thetaDot = rng.uniform(-0.05, 0.05);
  }

  @Override
  void restore(double[] s) {
    x = s[0];
    xDot = s[1];
    theta = s[2];
    thetaDot = s[3];
  }

  @Override
  boolean acceptsStateLength(int length) {
    return length == 4;
  }

  @Override
  String stateDescription() {
    return "4 values (x, x_dot, theta, theta_dot)";
  }

  @Override
  double[] currentState() {
    return new double[] {x, xDot, theta, thetaDot};
  }

  @Override
  Tensor.Float32 observation() {
    return vector((float) x, (float) xDot, (float) theta, (float) thetaDot);
  }

  @Override
  double advance(Tensor action) {
    double force = discreteAction(action, 2) == 1 ? FORCE_MAG : -FORCE_MAG;
    double cos = StrictMath.cos(theta);
    double sin = StrictMath.sin(theta);
    double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sin) / TOTAL_MASS;
    double thetaAcc = (GRAVITY * sin - cos * temp)
        / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cos * cos) / TOTAL_MASS));
    double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
    // Gymnasium's default "euler" integrator: positions advance with the old velocities.
    x = x + TAU * xDot;
    xDot = xDot + TAU * xAcc;
    theta = theta + TAU * thetaDot;
    thetaDot = thetaDot + TAU * thetaAcc;
    terminated = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
    return 1.0;
  }

  @Override
  boolean success(boolean terminated, boolean truncated) {
    return truncated && !terminated;
  }

  @Override
  void draw(Canvas2D c) {
    // Gymnasium's 600x400 picture: 125 px per metre, cart 50x30 px with its top at y = 100.
    double scale = 600 / (X_THRESHOLD * 2);
    double poleWidth = 10.0;
    double poleLength = scale * (2 * LENGTH);
    double cartX = x * scale + 300;
    double cartY = 100;
    double axle = cartY + 30 / 4.0;
    c.setScene(600, 400);
    c.clear(0xFFFFFF);
    c.line(0, cartY, 600, cartY, 1, 0x000000);
    c.fillPolygon(new double[] {cartX - 25, cartY - 15, cartX - 25, cartY + 15, cartX + 25, cartY + 15, cartX + 25, cartY - 15}, 0x000000);
    double[] corners = {-poleWidth / 2, -poleWidth / 2, -poleWidth / 2, poleLength - poleWidth / 2,
        poleWidth / 2, poleLength - poleWidth / 2, poleWidth / 2, -poleWidth / 2};
    double cos = Math.cos(-theta);
    double sin = Math.sin(-theta);
    double[] pole = new double[8];
    for (int i = 0; i < 8; i += 2) {
      pole[i] = corners[i] * cos - corners[i + 1] * sin + cartX;
      pole[i + 1] = corners[i] * sin + corners[i + 1] * cos + axle;
    }
    c.fillPolygon(pole, 0xCA9865);
    c.fillCircle(cartX, axle, poleWidth / 2, 0x8184CB);
  }
}
