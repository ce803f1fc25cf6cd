package ai.kinitro.env.manipulation;

/**
 * Reward shaping helpers in the style of dm_control's {@code tolerance}, which MetaWorld v2
 * rewards are built from.
 */
final class Rewards {
  private static final double VALUE_AT_MARGIN = 0.1;

  private Rewards() {}

  /**
   * 1 when {@code x} lies in {@code [lower, upper]}; otherwise a long-tailed sigmoid of the
   * distance to the nearest bound, worth 0.1 at {@code margin}.
   */
  static double tolerance(double x, double lower, double upper, double margin) {
    if (x >= lower && x <= upper) {
      return 1.0;
    }
    double m = Math.max(margin, 1e-6);
    double d = (x < lower ? lower - x : x - upper) / m;
    double scale = Math.sqrt(1 / VALUE_AT_MARGIN - 1);
    double s = d * scale;
    return 1.0 / (s * s + 1);
  }

  /** The Hamacher t-norm, a soft "and" of two values in [0, 1]. */
  static double hamacher(double a, double b) {
    double denominator = a + b - a * b;
    return denominator > 0 ? a * b / denominator : 0.0;
  }

  static double distance(double[] a, int ai, double[] b, int bi) {
    double dx = a[ai] - b[bi];
    double dy = a[ai + 1] - b[bi + 1];
    double dz = a[ai + 2] - b[bi + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
