package ai.kinitro.env.manipulation;

/** Quaternion helpers, scalar-first {@code (w, x, y, z)} as ode4j stores them. */
final class Quat {
  private Quat() {}

  static double[] rotate(double w, double x, double y, double z, double vx, double vy, double vz) {
    // v' = v + 2 w (u x v) + 2 u x (u x v), with u = (x, y, z)
    double cx = y * vz - z * vy;
    double cy = z * vx - x * vz;
    double cz = x * vy - y * vx;
    double ccx = y * cz - z * cy;
    double ccy = z * cx - x * cz;
    double ccz = x * cy - y * cx;
    return new double[] {vx + 2 * (w * cx + ccx), vy + 2 * (w * cy + ccy), vz + 2 * (w * cz + ccz)};
  }

  /** The rotation about z by {@code angle} radians. */
  static double[] aboutZ(double angle) {
    return new double[] {StrictMath.cos(angle / 2), 0, 0, StrictMath.sin(angle / 2)};
  }
}
