package ai.kinitro.env.manipulation.render;

import java.util.Arrays;

/**
 * A triangle soup in local coordinates, counter-clockwise seen from outside. Unit shapes: the box
 * spans [-1, 1] on every axis (scale by half extents), the cylinder has radius 1 and spans z in
 * [-1, 1] (scale by radius, radius, half length), the sphere has radius 1.
 */
public final class Mesh {
  private final double[] vertices;

  private Mesh(double[] vertices) {
    this.vertices = vertices;
  }

  /** Number of triangles. */
  public int triangles() {
    return vertices.length / 9;
  }

  /** Flattened vertices: triangle {@code t} uses elements {@code [9t, 9t + 9)}. */
  double[] vertices() {
    return vertices;
  }

  private static final Mesh BOX = buildBox();
  private static final Mesh CYLINDER = buildCylinder(16);
  private static final Mesh SPHERE = buildSphere(6, 10);

  /** The cube [-1, 1]^3 (12 triangles). */
  public static Mesh box() {
    return BOX;
  }

  /** A 16-sided cylinder of radius 1 along z from -1 to 1, with caps (64 triangles). */
  public static Mesh cylinder() {
    return CYLINDER;
  }

  /** A low-polygon unit sphere (120 triangles). */
  public static Mesh sphere() {
    return SPHERE;
  }

  private static Mesh buildBox() {
    double[][] c = new double[8][];
    for (int i = 0; i < 8; i++) {
      c[i] = new double[] {(i & 1) == 0 ? -1 : 1, (i & 2) == 0 ? -1 : 1, (i & 4) == 0 ? -1 : 1};
    }
    int[][] quads = {
      {0, 2, 3, 1}, // z = -1
      {4, 5, 7, 6}, // z = +1
      {0, 1, 5, 4}, // y = -1
      {2, 6, 7, 3}, // y = +1
      {0, 4, 6, 2}, // x = -1
      {1, 3, 7, 5}, // x = +1
    };
    Builder b = new Builder(12);
    for (int[] q : quads) {
      b.quad(c[q[0]], c[q[1]], c[q[2]], c[q[3]]);
    }
    return b.build();
  }

  private static Mesh buildCylinder(int n) {
    Builder b = new Builder(4 * n);
    double[] top = {0, 0, 1};
    double[] bottom = {0, 0, -1};
    for (int i = 0; i < n; i++) {
      double a0 = 2 * StrictMath.PI * i / n;
      double a1 = 2 * StrictMath.PI * (i + 1) / n;
      double x0 = StrictMath.cos(a0);
      double y0 = StrictMath.sin(a0);
      double x1 = StrictMath.cos(a1);
      double y1 = StrictMath.sin(a1);
      double[] b0 = {x0, y0, -1};
      double[] b1 = {x1, y1, -1};
      double[] t0 = {x0, y0, 1};
      double[] t1 = {x1, y1, 1};
      b.quad(b0, b1, t1, t0);
      b.tri(top, t0, t1);
      b.tri(bottom, b1, b0);
    }
    return b.build();
  }

  private static Mesh buildSphere(int stacks, int slices) {
    Builder b = new Builder(2 * stacks * slices);
    for (int i = 0; i < stacks; i++) {
      double p0 = StrictMath.PI * i / stacks - StrictMath.PI / 2;
      double p1 = StrictMath.PI * (i + 1) / stacks - StrictMath.PI / 2;
      for (int j = 0; j < slices; j++) {
        double a0 = 2 * StrictMath.PI * j / slices;
        double a1 = 2 * StrictMath.PI * (j + 1) / slices;
        double[] v00 = point(p0, a0);
        double[] v01 = point(p0, a1);
        double[] v10 = point(p1, a0);
        double[] v11 = point(p1, a1);
        if (i > 0) {
          b.tri(v00, v01, v11);
        }
        if (i < stacks - 1) {
          b.tri(v00, v11, v10);
        }
      }
    }
    return b.build();
  }

  private static double[] point(double phi, double theta) {
    double r = StrictMath.cos(phi);
    return new double[] {r * StrictMath.cos(theta), r * StrictMath.sin(theta), StrictMath.sin(phi)};
  }

  private static final class Builder {
    private double[] v;
    private int n;

    Builder(int triangles) {
      v = new double[triangles * 9];
    }

    void quad(double[] a, double[] b, double[] c, double[] d) {
      tri(a, b, c);
      tri(a, c, d);
    }

    void tri(double[] a, double[] b, double[] c) {
      if (n + 9 > v.length) {
        v = Arrays.copyOf(v, v.length * 2);
      }
      for (double[] p : new double[][] {a, b, c}) {
        v[n++] = p[0];
        v[n++] = p[1];
        v[n++] = p[2];
      }
    }

    Mesh build() {
      return new Mesh(Arrays.copyOf(v, n));
    }
  }
}
