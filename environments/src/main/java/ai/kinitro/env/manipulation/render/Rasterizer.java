package ai.kinitro.env.manipulation.render;

import ai.kinitro.env.RgbImage;

/**
 * Draws triangle meshes into an RGB frame with a z-buffer. Faces are flat shaded: one ambient term
 * plus a Lambert term from a fixed directional light, so the same scene always gives the same
 * bytes. Back faces are culled and triangles are clipped against the near plane, so a camera may
 * sit inside a large mesh such as a table top.
 *
 * <p>Reuse one instance per image size: {@link #clear} resets it for the next frame. Not
 * thread-safe.
 */
public final class Rasterizer {
  private static final double NEAR = 0.01;
  private static final double AMBIENT = 0.38;
  private static final double DIFFUSE = 0.62;
  // Key light direction (towards the light), normalised: from above, in front and to the right.
  private static final double LX = 0.3363;
  private static final double LY = -0.4484;
  private static final double LZ = 0.8281;

  private final int width;
  private final int height;
  private final int[] color;
  private final double[] inverseDepth;

  private double ex;
  private double ey;
  private double ez;
  private double rx;
  private double ry;
  private double rz;
  private double ux;
  private double uy;
  private double uz;
  private double fx;
  private double fy;
  private double fz;
  private double scale;
  private boolean hasCamera;

  // Scratch buffers for one clipped polygon (at most 4 vertices after one clip plane).
  private final double[] cx = new double[4];
  private final double[] cy = new double[4];
  private final double[] cz = new double[4];

  public Rasterizer(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive");
    }
    this.width = width;
    this.height = height;
    this.color = new int[width * height];
    this.inverseDepth = new double[width * height];
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Fills the frame with a vertical gradient from {@code topRgb} to {@code bottomRgb}. */
  public void clear(int topRgb, int bottomRgb) {
    for (int y = 0; y < height; y++) {
      double t = height == 1 ? 0 : (double) y / (height - 1);
      int c = mix(topRgb, bottomRgb, t);
      int row = y * width;
      for (int x = 0; x < width; x++) {
        color[row + x] = c;
        inverseDepth[row + x] = 0;
      }
    }
  }

  /** Sets the camera used by the next {@link #draw} calls. */
  public void camera(Camera camera) {
    double[] eye = camera.eye();
    double[] target = camera.target();
    double[] up = camera.up();
    ex = eye[0];
    ey = eye[1];
    ez = eye[2];
    double[] f = normalize(target[0] - ex, target[1] - ey, target[2] - ez);
    double[] r = normalize(f[1] * up[2] - f[2] * up[1], f[2] * up[0] - f[0] * up[2], f[0] * up[1] - f[1] * up[0]);
    fx = f[0];
    fy = f[1];
    fz = f[2];
    rx = r[0];
    ry = r[1];
    rz = r[2];
    ux = ry * fz - rz * fy;
    uy = rz * fx - rx * fz;
    uz = rx * fy - ry * fx;
    double focal = 1.0 / StrictMath.tan(StrictMath.toRadians(camera.fovyDegrees()) / 2);
    scale = focal * height / 2.0;
    hasCamera = true;
  }

  /**
   * Draws {@code mesh} transformed by {@code transform}, a row-major 3x4 matrix (rotation times
   * scale, then translation in the last column), in the colour {@code rgb} (0xRRGGBB).
   */
  public void draw(Mesh mesh, double[] transform, int rgb) {
    if (!hasCamera) {
      throw new IllegalStateException("set a camera before drawing");
    }
    double[] v = mesh.vertices();
    double[] m = transform;
    double red = (rgb >> 16) & 0xFF;
    double green = (rgb >> 8) & 0xFF;
    double blue = rgb & 0xFF;
    for (int t = 0; t < v.length; t += 9) {
      double x0 = m[0] * v[t] + m[1] * v[t + 1] + m[2] * v[t + 2] + m[3];
      double y0 = m[4] * v[t] + m[5] * v[t + 1] + m[6] * v[t + 2] + m[7];
      double z0 = m[8] * v[t] + m[9] * v[t + 1] + m[10] * v[t + 2] + m[11];
      double x1 = m[0] * v[t + 3] + m[1] * v[t + 4] + m[2] * v[t + 5] + m[3];
      double y1 = m[4] * v[t + 3] + m[5] * v[t + 4] + m[6] * v[t + 5] + m[7];
      double z1 = m[8] * v[t + 3] + m[9] * v[t + 4] + m[10] * v[t + 5] + m[11];
      double x2 = m[0] * v[t + 6] + m[1] * v[t + 7] + m[2] * v[t + 8] + m[3];
      double y2 = m[4] * v[t + 6] + m[5] * v[t + 7] + m[6] * v[t + 8] + m[7];
      double z2 = m[8] * v[t + 6] + m[9] * v[t + 7] + m[10] * v[t + 8] + m[11];
      double ax = x1 - x0;
      double ay = y1 - y0;
      double az = z1 - z0;
      double bx = x2 - x0;
      double by = y2 - y0;
      double bz = z2 - z0;
      double nx = ay * bz - az * by;
      double ny = az * bx - ax * bz;
      double nz = ax * by - ay * bx;
      // Back-face culling: the face normal points away from the eye.
      if (nx * (x0 - ex) + ny * (y0 - ey) + nz * (z0 - ez) >= 0) {
        continue;
      }
      double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
      if (len == 0) {
        continue;
      }
      double lambert = (nx * LX + ny * LY + nz * LZ) / len;
      double shade = AMBIENT + DIFFUSE * (lambert > 0 ? lambert : 0);
      int c = (clamp255(red * shade) << 16) | (clamp255(green * shade) << 8) | clamp255(blue * shade);
      int n = clipNear(x0, y0, z0, x1, y1, z1, x2, y2, z2);
      if (n >= 3) {
        fill(0, 1, 2, c);
        if (n == 4) {
          fill(0, 2, 3, c);
        }
      }
    }
  }

  /** The frame, top row first. */
  public RgbImage image() {
    byte[] rgb = new byte[width * height * 3];
    for (int i = 0, j = 0; i < color.length; i++) {
      int c = color[i];
      rgb[j++] = (byte) (c >> 16);
      rgb[j++] = (byte) (c >> 8);
      rgb[j++] = (byte) c;
    }
    return new RgbImage(width, height, rgb);
  }

  /** Transforms to camera space and clips against z = NEAR; returns the vertex count. */
  private int clipNear(double x0, double y0, double z0, double x1, double y1, double z1, double x2, double y2, double z2) {
    double[] px = {x0 - ex, x1 - ex, x2 - ex};
    double[] py = {y0 - ey, y1 - ey, y2 - ey};
    double[] pz = {z0 - ez, z1 - ez, z2 - ez};
    double[] vx = new double[3];
    double[] vy = new double[3];
    double[] vz = new double[3];
    boolean allIn = true;
    boolean allOut = true;
    for (int i = 0; i < 3; i++) {
      vx[i] = px[i] * rx + py[i] * ry + pz[i] * rz;
      vy[i] = px[i] * ux + py[i] * uy + pz[i] * uz;
      vz[i] = px[i] * fx + py[i] * fy + pz[i] * fz;
      if (vz[i] >= NEAR) {
        allOut = false;
      } else {
        allIn = false;
      }
    }
    if (allOut) {
      return 0;
    }
    if (allIn) {
      for (int i = 0; i < 3; i++) {
        cx[i] = vx[i];
        cy[i] = vy[i];
        cz[i] = vz[i];
      }
      return 3;
    }
    int n = 0;
    for (int i = 0; i < 3; i++) {
      int j = (i + 1) % 3;
      boolean inI = vz[i] >= NEAR;
      boolean inJ = vz[j] >= NEAR;
      if (inI) {
        cx[n] = vx[i];
        cy[n] = vy[i];
        cz[n] = vz[i];
        n++;
      }
      if (inI != inJ) {
        double s = (NEAR - vz[i]) / (vz[j] - vz[i]);
        cx[n] = vx[i] + s * (vx[j] - vx[i]);
        cy[n] = vy[i] + s * (vy[j] - vy[i]);
        cz[n] = NEAR;
        n++;
      }
    }
    return n;
  }

  private void fill(int a, int b, int d, int c) {
    double halfW = width / 2.0;
    double halfH = height / 2.0;
    double iz0 = 1.0 / cz[a];
    double iz1 = 1.0 / cz[b];
    double iz2 = 1.0 / cz[d];
    double sx0 = halfW + cx[a] * iz0 * scale;
    double sy0 = halfH - cy[a] * iz0 * scale;
    double sx1 = halfW + cx[b] * iz1 * scale;
    double sy1 = halfH - cy[b] * iz1 * scale;
    double sx2 = halfW + cx[d] * iz2 * scale;
    double sy2 = halfH - cy[d] * iz2 * scale;
    double area = (sx1 - sx0) * (sy2 - sy0) - (sy1 - sy0) * (sx2 - sx0);
    if (area == 0 || Double.isNaN(area)) {
      return;
    }
    if (area < 0) {
      double tx = sx1;
      double ty = sy1;
      double tz = iz1;
      sx1 = sx2;
      sy1 = sy2;
      iz1 = iz2;
      sx2 = tx;
      sy2 = ty;
      iz2 = tz;
      area = -area;
    }
    int minX = Math.max(0, (int) Math.floor(Math.min(sx0, Math.min(sx1, sx2))));
    int maxX = Math.min(width - 1, (int) Math.ceil(Math.max(sx0, Math.max(sx1, sx2))));
    int minY = Math.max(0, (int) Math.floor(Math.min(sy0, Math.min(sy1, sy2))));
    int maxY = Math.min(height - 1, (int) Math.ceil(Math.max(sy0, Math.max(sy1, sy2))));
    if (minX > maxX || minY > maxY) {
      return;
    }
    double invArea = 1.0 / area;
    // Edge functions e0 (v1->v2), e1 (v2->v0), e2 (v0->v1); positive inside for this winding.
    double a0 = sy1 - sy2;
    double b0 = sx2 - sx1;
    double a1 = sy2 - sy0;
    double b1 = sx0 - sx2;
    double a2 = sy0 - sy1;
    double b2 = sx1 - sx0;
    double px0 = minX + 0.5;
    double py0 = minY + 0.5;
    double w0Row = a0 * (px0 - sx1) + b0 * (py0 - sy1);
    double w1Row = a1 * (px0 - sx2) + b1 * (py0 - sy2);
    double w2Row = a2 * (px0 - sx0) + b2 * (py0 - sy0);
    for (int y = minY; y <= maxY; y++) {
      double w0 = w0Row;
      double w1 = w1Row;
      double w2 = w2Row;
      int row = y * width;
      for (int x = minX; x <= maxX; x++) {
        if (w0 >= 0 && w1 >= 0 && w2 >= 0) {
          double z = (w0 * iz0 + w1 * iz1 + w2 * iz2) * invArea;
          int i = row + x;
          if (z > inverseDepth[i]) {
            inverseDepth[i] = z;
            color[i] = c;
          }
        }
        w0 += a0;
        w1 += a1;
        w2 += a2;
      }
      w0Row += b0;
      w1Row += b1;
      w2Row += b2;
    }
  }

  private static int clamp255(double v) {
    int i = (int) (v + 0.5);
    return i < 0 ? 0 : Math.min(i, 255);
  }

  private static int mix(int c0, int c1, double t) {
    int r = (int) Math.round(((c0 >> 16) & 0xFF) * (1 - t) + ((c1 >> 16) & 0xFF) * t);
    int g = (int) Math.round(((c0 >> 8) & 0xFF) * (1 - t) + ((c1 >> 8) & 0xFF) * t);
    int b = (int) Math.round((c0 & 0xFF) * (1 - t) + (c1 & 0xFF) * t);
    return (r << 16) | (g << 8) | b;
  }

  private static double[] normalize(double x, double y, double z) {
    double l = Math.sqrt(x * x + y * y + z * z);
    if (l == 0) {
      throw new IllegalArgumentException("camera vectors must not be zero or parallel");
    }
    return new double[] {x / l, y / l, z / l};
  }
}
