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
 * Gymnasium's Acrobot-v1: a two-link pendulum actuated at the middle joint, integrated with one
 * fourth-order Runge-Kutta step of 0.2 s using the "book" dynamics (Sutton and Barto), no torque
 * noise. State {@code (theta1, theta2, dtheta1, dtheta2)} in float64 (angles wrapped to [-pi, pi],
 * velocities bounded by 4 pi and 9 pi); observation {@code (cos t1, sin t1, cos t2, sin t2,
 * dtheta1, dtheta2)} in float32; action 0, 1, 2 applies torque -1, 0, +1; reward -1 per step and 0
 * on the terminating step; terminates when the free end rises one link length above the pivot;
 * truncated after 500 steps. Success = terminated.
 */
final class Acrobot extends ClassicEnvironment {
  static final double DT = 0.2;
  static final double LINK_LENGTH_1 = 1.0;
  static final double LINK_LENGTH_2 = 1.0;
  static final double LINK_MASS_1 = 1.0;
  static final double LINK_MASS_2 = 1.0;
  static final double LINK_COM_POS_1 = 0.5;
  static final double LINK_COM_POS_2 = 0.5;
  static final double LINK_MOI = 1.0;
  static final double MAX_VEL_1 = 4 * Math.PI;
  static final double MAX_VEL_2 = 9 * Math.PI;
  static final double[] AVAIL_TORQUE = {-1.0, 0.0, 1.0};
  static final double G = 9.8;

  static final EnvSpec SPEC = new EnvSpec(
      new EnvId("classic", "Acrobot", 1),
      Map.of(OBSERVATION, new Space.Box(DType.FLOAT32, new int[] {6},
          new double[] {-1, -1, -1, -1, -(float) MAX_VEL_1, -(float) MAX_VEL_2},
          new double[] {1, 1, 1, 1, (float) MAX_VEL_1, (float) MAX_VEL_2})),
      new Space.Discrete(3, 0),
      500,
      List.of(CAMERA),
      "Swing the tip of a two-link arm above a line with torque -1 (0), 0 (1) or +1 (2) at the elbow; "
          + "Gymnasium Acrobot-v1 dynamics");

  private final double[] s = new double[4];
  // Runge-Kutta scratch, reused so a step allocates nothing but its result.
  private final double[] k1 = new double[4];
  private final double[] k2 = new double[4];
  private final double[] k3 = new double[4];
  private final double[] k4 = new double[4];
  private final double[] y = new double[4];

  Acrobot() {
    super(SPEC);
  }

  @Override
  void sample(Pcg64 rng) {
    // Gymnasium draws float64 values and stores them as float32.
    for (int i = 0; i < 4; i++) {
      s[i] = (float) rng.uniform(-0.1, 0.1);
    }
  }

  @Override
  void restore(double[] state) {
    System.arraycopy(state, 0, s, 0, 4);
  }

  @Override
  boolean acceptsStateLength(int length) {
    return length == 4;
  }

  @Override
  String stateDescription() {
    return "4 values (theta1, theta2, dtheta1, dtheta2)";
  }

  @Override
  double[] currentState() {
    return s.clone();
  }

  @Override
  Tensor.Float32 observation() {
    return vector((float) StrictMath.cos(s[0]), (float) StrictMath.sin(s[0]),
        (float) StrictMath.cos(s[1]), (float) StrictMath.sin(s[1]), (float) s[2], (float) s[3]);
  }

  @Override
  double advance(Tensor action) {
    double torque = AVAIL_TORQUE[discreteAction(action, 3)];
    double dt = DT - 0; // rk4 over the sample times [0, dt]
    double dt2 = dt / 2.0;
    derivatives(s, torque, k1);
    for (int i = 0; i < 4; i++) {
      y[i] = s[i] + dt2 * k1[i];
    }
    derivatives(y, torque, k2);
    for (int i = 0; i < 4; i++) {
      y[i] = s[i] + dt2 * k2[i];
    }
    derivatives(y, torque, k3);
    for (int i = 0; i < 4; i++) {
      y[i] = s[i] + dt * k3[i];
    }
    derivatives(y, torque, k4);
    double sixth = dt / 6.0;
    for (int i = 0; i < 4; i++) {
      s[i] = s[i] + sixth * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    s[0] = wrap(s[0], -Math.PI, Math.PI);
    s[1] = wrap(s[1], -Math.PI, Math.PI);
    s[2] = Math.min(Math.max(s[2], -MAX_VEL_1), MAX_VEL_1);
    s[3] = Math.min(Math.max(s[3], -MAX_VEL_2), MAX_VEL_2);
    terminated = -StrictMath.cos(s[0]) - StrictMath.cos(s[1] + s[0]) > 1.0;
    return terminated ? 0.0 : -1.0;
  }

  /** The "book" equations of motion, written in Gymnasium's order of operations. */
  private static void derivatives(double[] state, double a, double[] out) {
    double m1 = LINK_MASS_1;
    double m2 = LINK_MASS_2;
    double l1 = LINK_LENGTH_1;
    double lc1 = LINK_COM_POS_1;
    double lc2 = LINK_COM_POS_2;
    double i1 = LINK_MOI;
    double i2 = LINK_MOI;
    double theta1 = state[0];
    double theta2 = state[1];
    double dtheta1 = state[2];
    double dtheta2 = state[3];
    double cos2 = StrictMath.cos(theta2);
    double sin2 = StrictMath.sin(theta2);
    double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
    double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
    double phi2 = m2 * lc2 * G * StrictMath.cos(theta1 + theta2 - Math.PI / 2.0);
    double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sin2
        - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin2
        + (m1 * lc1 + m2 * l1) * G * StrictMath.cos(theta1 - Math.PI / 2)
        + phi2;
    double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * sin2 - phi2)
        / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
    double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
    out[0] = dtheta1;
    out[1] = dtheta2;
    out[2] = ddtheta1;
    out[3] = ddtheta2;
  }

  /** Shifts {@code x} by whole periods {@code max - min} until it lies in [min, max]. */
  static double wrap(double x, double min, double max) {
    double diff = max - min;
    while (x > max) {
      x = x - diff;
    }
    while (x < min) {
      x = x + diff;
    }
    return x;
  }

  @Override
  boolean success(boolean terminated, boolean truncated) {
    return terminated;
  }

  @Override
  void draw(Canvas2D c) {
    // Gymnasium's 500x500 picture: the scene spans [-2.2, 2.2]; the pivot is in the middle and
    // theta = 0 hangs straight down.
    double bound = LINK_LENGTH_1 + LINK_LENGTH_2 + 0.2;
    double scale = 500 / (bound * 2);
    double offset = 250;
    c.setScene(500, 500);
    c.clear(0xFFFFFF);
    c.line(-bound * scale + offset, LINK_LENGTH_1 * scale + offset, bound * scale + offset,
        LINK_LENGTH_1 * scale + offset, 1.5, 0x000000);
    double x1 = LINK_LENGTH_1 * Math.sin(s[0]);
    double y1 = -LINK_LENGTH_1 * Math.cos(s[0]);
    double x2 = x1 + LINK_LENGTH_2 * Math.sin(s[0] + s[1]);
    double y2 = y1 - LINK_LENGTH_2 * Math.cos(s[0] + s[1]);
    drawLink(c, 0, 0, x1, y1, scale, offset);
    drawLink(c, x1, y1, x2, y2, scale, offset);
  }

  private static void drawLink(Canvas2D c, double xa, double ya, double xb, double yb, double scale, double offset) {
    c.line(xa * scale + offset, ya * scale + offset, xb * scale + offset, yb * scale + offset, 0.2 * scale, 0x00CCCC);
    c.fillCircle(xa * scale + offset, ya * scale + offset, 0.1 * scale, 0xCCCC00);
  }
}
