package ai.kinitro.env.classic;

import ai.kinitro.env.render.Canvas2D;

/** The picture both mountain-car tasks share (Gymnasium's 600x400 layout). */
final class MountainCarScene {
  private static final double MIN_POSITION = -1.2;
  private static final double MAX_POSITION = 0.6;
  private static final double SCALE = 600 / (MAX_POSITION - MIN_POSITION);
  private static final double[] CURVE = curve();

  private MountainCarScene() {}

  static double height(double x) {
    return Math.sin(3 * x) * 0.45 + 0.55;
  }

  private static double[] curve() {
    int n = 100;
    double[] xy = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double x = MIN_POSITION + (MAX_POSITION - MIN_POSITION) * i / (n - 1);
      xy[2 * i] = (x - MIN_POSITION) * SCALE;
      xy[2 * i + 1] = height(x) * SCALE;
    }
    return xy;
  }

  static void draw(Canvas2D c, double position, double goalPosition) {
    c.setScene(600, 400);
    c.clear(0xFFFFFF);
    c.polyline(CURVE, 2, 0x000000);
    double clearance = 10;
    double carWidth = 40;
    double carHeight = 20;
    double angle = Math.cos(3 * position);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double baseX = (position - MIN_POSITION) * SCALE;
    double baseY = clearance + height(position) * SCALE;
    double[] body = {-carWidth / 2, 0, -carWidth / 2, carHeight, carWidth / 2, carHeight, carWidth / 2, 0};
    double[] car = new double[8];
    for (int i = 0; i < 8; i += 2) {
      car[i] = body[i] * cos - body[i + 1] * sin + baseX;
      car[i + 1] = body[i] * sin + body[i + 1] * cos + baseY;
    }
    c.fillPolygon(car, 0x000000);
    for (double wheel : new double[] {carWidth / 4, -carWidth / 4}) {
      c.fillCircle(wheel * cos + baseX, wheel * sin + baseY, carHeight / 2.5, 0x808080);
    }
    double flagX = (goalPosition - MIN_POSITION) * SCALE;
    double flagY1 = height(goalPosition) * SCALE;
    double flagY2 = flagY1 + 50;
    c.line(flagX, flagY1, flagX, flagY2, 2, 0x000000);
    c.fillPolygon(new double[] {flagX, flagY2, flagX, flagY2 - 10, flagX + 25, flagY2 - 5}, 0xCCCC00);
  }
}
