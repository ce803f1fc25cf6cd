package ai.kinitro.env.manipulation;

import ai.kinitro.env.manipulation.render.Mesh;

/**
 * One drawable piece of the scene: a unit mesh scaled by {@code scale}, offset by {@code offset}
 * in the frame of dynamic part {@code part} (or in the world frame when {@code part} is -1).
 */
record Visual(Mesh mesh, int color, int part, double[] offset, double[] scale) {
  Visual {
    offset = offset.clone();
    scale = scale.clone();
  }

  static Visual fixedBox(double x0, double y0, double z0, double x1, double y1, double z1, int color) {
    return new Visual(Mesh.box(), color, -1,
        new double[] {(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2},
        new double[] {(x1 - x0) / 2, (y1 - y0) / 2, (z1 - z0) / 2});
  }

  static Visual partBox(int part, double ox, double oy, double oz, double hx, double hy, double hz, int color) {
    return new Visual(Mesh.box(), color, part, new double[] {ox, oy, oz}, new double[] {hx, hy, hz});
  }
}
