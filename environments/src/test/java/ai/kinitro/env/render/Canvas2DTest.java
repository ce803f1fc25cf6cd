package ai.kinitro.env.render;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.env.RgbImage;
import org.junit.jupiter.api.Test;

class Canvas2DTest {

  private static int pixel(RgbImage image, int x, int y) {
    int i = (y * image.width() + x) * 3;
    return (image.rgb()[i] & 0xFF) << 16 | (image.rgb()[i + 1] & 0xFF) << 8 | (image.rgb()[i + 2] & 0xFF);
  }

  @Test
  void aRectangleCoversExactlyThePixelsWhoseCentresItContains() {
    Canvas2D canvas = new Canvas2D(10, 10);
    canvas.setScene(10, 10);
    canvas.clear(0xFFFFFF);
    canvas.fillPolygon(new double[] {2, 2, 2, 5, 6, 5, 6, 2}, 0xFF0000); // scene y up: rows 5..7 from the top
    RgbImage image = canvas.toImage();
    int red = 0;
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        boolean inside = x >= 2 && x <= 5 && y >= 5 && y <= 7;
        assertThat(pixel(image, x, y)).as("pixel %d,%d", x, y).isEqualTo(inside ? 0xFF0000 : 0xFFFFFF);
        red += inside ? 1 : 0;
      }
    }
    assertThat(red).isEqualTo(12);
  }

  @Test
  void theSceneIsStretchedOntoTheImageWithYPointingUp() {
    Canvas2D canvas = new Canvas2D(20, 10);
    canvas.setScene(600, 400);
    canvas.clear(0x000000);
    canvas.fillCircle(0, 0, 50, 0x00FF00); // bottom-left corner of the scene
    RgbImage image = canvas.toImage();
    assertThat(pixel(image, 0, 9)).isEqualTo(0x00FF00);
    assertThat(pixel(image, 0, 0)).isEqualTo(0x000000);
    assertThat(pixel(image, 19, 9)).isEqualTo(0x000000);
  }

  @Test
  void aHairlineStillCoversAtLeastOnePixelPerRow() {
    Canvas2D canvas = new Canvas2D(50, 50);
    canvas.setScene(50, 50);
    canvas.clear(0xFFFFFF);
    canvas.line(25, 0, 25, 50, 0.01, 0x000000);
    RgbImage image = canvas.toImage();
    for (int y = 0; y < 50; y++) {
      int dark = 0;
      for (int x = 0; x < 50; x++) {
        dark += pixel(image, x, y) == 0 ? 1 : 0;
      }
      assertThat(dark).as("row %d", y).isGreaterThanOrEqualTo(1);
    }
  }
}
