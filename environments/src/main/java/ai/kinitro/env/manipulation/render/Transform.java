package ai.kinitro.env.manipulation.render;

/**
 * Builders for the row-major 3x4 matrices {@link Rasterizer#draw} takes: rotation times scale in
 * the first three columns, translation in the last.
 */
public final class Transform {
  private Transform() {}

  /** An axis-aligned box centred on {@code (x, y, z)} with half extents {@code (hx, hy, hz)}. */
  public static double[] box(double x, double y, double z, double hx, double hy, double hz) {
    return new double[] {hx, 0, 0, x, 0, hy, 0, y, 0, 0, hz, z};
  }

  /**
   * A shape posed by a rotation quaternion {@code (w, x, y, z)} and a position, scaled by {@code
   * (sx, sy, sz)} in its own frame, with an extra local offset {@code (ox, oy, oz)} applied before
   * the rotation.
   */
  public static double[] posed(double[] position, double[] quaternionWxyz, double ox, double oy, double oz,
      double sx, double sy, double sz) {
    double w = quaternionWxyz[0];
    double x = quaternionWxyz[1];
    double y = quaternionWxyz[2];
    double z = quaternionWxyz[3];
    double r00 = 1 - 2 * (y * y + z * z);
    double r01 = 2 * (x * y - w * z);
    double r02 = 2 * (x * z + w * y);
    double r10 = 2 * (x * y + w * z);
    double r11 = 1 - 2 * (x * x + z * z);
    double r12 = 2 * (y * z - w * x);
    double r20 = 2 * (x * z - w * y);
    double r21 = 2 * (y * z + w * x);
    double r22 = 1 - 2 * (x * x + y * y);
    return new double[] {
      r00 * sx, r01 * sy, r02 * sz, position[0] + r00 * ox + r01 * oy + r02 * oz,
      r10 * sx, r11 * sy, r12 * sz, position[1] + r10 * ox + r11 * oy + r12 * oz,
      r20 * sx, r21 * sy, r22 * sz, position[2] + r20 * ox + r21 * oy + r22 * oz,
    };
  }

  /**
   * A unit cylinder ({@link Mesh#cylinder()}) stretched from {@code a} to {@code b} with the given
   * radius.
   */
  public static double[] segment(double[] a, double[] b, double radius) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double dz = b[2] - a[2];
    double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (len == 0) {
      return box(a[0], a[1], a[2], 0, 0, 0);
    }
    double kx = dx / len;
    double ky = dy / len;
    double kz = dz / len;
    // Any unit vector perpendicular to k, then the third axis by a cross product.
    double ix;
    double iy;
    double iz;
    if (Math.abs(kz) < 0.9) {
      ix = -ky;
      iy = kx;
      iz = 0;
    } else {
      ix = 0;
      iy = -kz;
      iz = ky;
    }
    double il = Math.sqrt(ix * ix + iy * iy + iz * iz);
    ix /= il;
    iy /= il;
    iz /= il;
    double jx = ky * iz - kz * iy;
    double jy = kz * ix - kx * iz;
    double jz = kx * iy - ky * ix;
    double half = len / 2;
    return new double[] {
      ix * radius, jx * radius, kx * half, a[0] + dx / 2,
      iy * radius, jy * radius, ky * half, a[1] + dy / 2,
      iz * radius, jz * radius, kz * half, a[2] + dz / 2,
    };
  }
}
