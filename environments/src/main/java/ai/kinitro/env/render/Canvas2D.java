package ai.kinitro.env.render;

import ai.kinitro.env.RgbImage;
import java.util.Arrays;

/**
 * An RGB raster with a scene coordinate system: {@link #setScene} maps a rectangle of scene units
 * (origin bottom-left, y pointing up) onto the whole image, stretching each axis independently.
 * Shapes are filled by pixel centres (a pixel is inside when its centre is), so the result depends
 * only on the inputs. Colours are {@code 0xRRGGBB}.
 *
 * <p>One canvas per frame: {@link #toImage()} hands the pixel array over to the image.
 */
public final class Canvas2D {
  private final int width;
  private final int height;
  private final byte[] rgb;
  private double scaleX = 1;
  private double scaleY = -1;
  private double offsetY;
  private double[] crossings = new double[16];
  private final double[] quad = new double[8];

  public Canvas2D(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("canvas size must be positive");
    }
    this.width = width;
    this.height = height;
    this.rgb = new byte[width * height * 3];
    this.offsetY = height;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Maps scene x in [0, sceneWidth] and y in [0, sceneHeight] (y up) onto the image. */
  public void setScene(double sceneWidth, double sceneHeight) {
    scaleX = width / sceneWidth;
    scaleY = -height / sceneHeight;
    offsetY = height;
  }

  private double px(double x) {
    return x * scaleX;
  }

  private double py(double y) {
    return y * scaleY + offsetY;
  }

  /** Scene length to pixels, averaged over both axes (used for line widths). */
  private double pixels(double sceneLength) {
    return sceneLength * Math.sqrt(Math.abs(scaleX * scaleY));
  }

  public void clear(int color) {
    byte r = (byte) (color >>> 16);
    byte g = (byte) (color >>> 8);
    byte b = (byte) color;
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = r;
      rgb[i + 1] = g;
      rgb[i + 2] = b;
    }
  }

  /** Fills the polygon with vertices {@code (xy[0], xy[1]), (xy[2], xy[3]), ...} in scene units. */
  public void fillPolygon(double[] xy, int color) {
    double[] p = new double[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      p[i] = px(xy[i]);
      p[i + 1] = py(xy[i + 1]);
    }
    fillPixelPolygon(p, xy.length / 2, color);
  }

  /** Fills a circle of the given scene radius (an ellipse when the axes are scaled differently). */
  public void fillCircle(double cx, double cy, double radius, int color) {
    double x = px(cx);
    double y = py(cy);
    double rx = Math.max(0.75, radius * Math.abs(scaleX));
    double ry = Math.max(0.75, radius * Math.abs(scaleY));
    int y0 = Math.max(0, (int) Math.ceil(y - ry - 0.5));
    int y1 = Math.min(height - 1, (int) Math.floor(y + ry - 0.5));
    for (int row = y0; row <= y1; row++) {
      double t = (row + 0.5 - y) / ry;
      double d = 1 - t * t;
      if (d < 0) {
        continue;
      }
      double dx = rx * Math.sqrt(d);
      span(row, x - dx, x + dx, color);
    }
  }

  /** A straight segment {@code width} scene units wide (at least one pixel). */
  public void line(double x0, double y0, double x1, double y1, double lineWidth, int color) {
    double ax = px(x0);
    double ay = py(y0);
    double bx = px(x1);
    double by = py(y1);
    double dx = bx - ax;
    double dy = by - ay;
    double len = Math.hypot(dx, dy);
    double half = Math.max(0.5, pixels(lineWidth) / 2);
    double nx;
    double ny;
    if (len == 0) {
      nx = half;
      ny = 0;
    } else {
      nx = -dy / len * half;
      ny = dx / len * half;
    }
    // Extend by half a pixel along the segment so joints of a polyline have no gaps.
    double ex = len == 0 ? 0 : dx / len * 0.5;
    double ey = len == 0 ? half : dy / len * 0.5;
    quad[0] = ax + nx - ex;
    quad[1] = ay + ny - ey;
    quad[2] = bx + nx + ex;
    quad[3] = by + ny + ey;
    quad[4] = bx - nx + ex;
    quad[5] = by - ny + ey;
    quad[6] = ax - nx - ex;
    quad[7] = ay - ny - ey;
    fillPixelPolygon(quad, 4, color);
  }

  /** Connected segments through {@code (xy[0], xy[1]), (xy[2], xy[3]), ...}. */
  public void polyline(double[] xy, double lineWidth, int color) {
    for (int i = 0; i + 3 < xy.length; i += 2) {
      line(xy[i], xy[i + 1], xy[i + 2], xy[i + 3], lineWidth, color);
    }
  }

  /** Even-odd scanline fill of a polygon given in pixel coordinates. */
  private void fillPixelPolygon(double[] p, int n, int color) {
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minY = Math.min(minY, p[2 * i + 1]);
      maxY = Math.max(maxY, p[2 * i + 1]);
    }
    int row0 = Math.max(0, (int) Math.ceil(minY - 0.5));
    int row1 = Math.min(height - 1, (int) Math.floor(maxY - 0.5));
    if (crossings.length < n) {
      crossings = new double[n];
    }
    for (int row = row0; row <= row1; row++) {
      double yc = row + 0.5;
      int count = 0;
      for (int i = 0, j = n - 1; i < n; j = i++) {
        double yi = p[2 * i + 1];
        double yj = p[2 * j + 1];
        if ((yi <= yc) != (yj <= yc)) {
          double xi = p[2 * i];
          double xj = p[2 * j];
          crossings[count++] = xi + (yc - yi) / (yj - yi) * (xj - xi);
        }
      }
      if (count == 2) {
        span(row, Math.min(crossings[0], crossings[1]), Math.max(crossings[0], crossings[1]), color);
      } else if (count > 2) {
        Arrays.sort(crossings, 0, count);
        for (int k = 0; k + 1 < count; k += 2) {
          span(row, crossings[k], crossings[k + 1], color);
        }
      }
    }
  }

  /** Fills the pixels of {@code row} whose centres lie in {@code [xa, xb]}. */
  private void span(int row, double xa, double xb, int color) {
    int c0 = Math.max(0, (int) Math.ceil(xa - 0.5));
    int c1 = Math.min(width - 1, (int) Math.floor(xb - 0.5));
    if (c1 < c0) {
      return;
    }
    byte r = (byte) (color >>> 16);
    byte g = (byte) (color >>> 8);
    byte b = (byte) color;
    int i = (row * width + c0) * 3;
    for (int c = c0; c <= c1; c++) {
      rgb[i++] = r;
      rgb[i++] = g;
      rgb[i++] = b;
    }
  }

  /** The finished frame; the canvas must not be drawn on afterwards. */
  public RgbImage toImage() {
    return new RgbImage(width, height, rgb);
  }
}
