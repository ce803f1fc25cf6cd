package ai.kinitro.env.manipulation.experts;

/** Small geometric helpers shared by the experts. */
final class Moves {
  /** Gain from position error (metres) to action: 4 cm of error saturates the action. */
  static final double GAIN = 25;

  private Moves() {}

  static float[] toward(double[] obs, double x, double y, double z, double effort) {
    return new float[] {
      clip((x - obs[0]) * GAIN), clip((y - obs[1]) * GAIN), clip((z - obs[2]) * GAIN), (float) effort,
    };
  }

  static float clip(double v) {
    return (float) (v < -1 ? -1 : Math.min(v, 1));
  }

  static double planar(double[] obs, double x, double y) {
    return Math.hypot(obs[0] - x, obs[1] - y);
  }

  /** Rotation about z of a scalar-last quaternion {@code (x, y, z, w)} stored at {@code off}. */
  static double yaw(double[] obs, int off) {
    return 2 * Math.atan2(obs[off + 2], obs[off + 3]);
  }

  /** Rotates the body-frame vector {@code v} by the scalar-last quaternion at {@code off}. */
  static double[] rotate(double[] obs, int off, double vx, double vy, double vz) {
    double x = obs[off];
    double y = obs[off + 1];
    double z = obs[off + 2];
    double w = obs[off + 3];
    double cx = y * vz - z * vy;
    double cy = z * vx - x * vz;
    double cz = x * vy - y * vx;
    double ccx = y * cz - z * cy;
    double ccy = z * cx - x * cz;
    double ccz = x * cy - y * cx;
    return new double[] {vx + 2 * (w * cx + ccx), vy + 2 * (w * cy + ccy), vz + 2 * (w * cz + ccz)};
  }
}
