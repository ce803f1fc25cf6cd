package ai.kinitro.env.manipulation.render;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.env.RgbImage;
import org.junit.jupiter.api.Test;

class RasterizerTest {
  private static final int BACKGROUND = 0x000000;

  private static Rasterizer looking() {
    Rasterizer r = new Rasterizer(64, 48);
    r.clear(BACKGROUND, BACKGROUND);
    r.camera(Camera.lookAt(new double[] {0, -2, 0}, new double[] {0, 0, 0}, 60));
    return r;
  }

  private static int pixel(RgbImage image, int x, int y) {
    int i = (y * image.width() + x) * 3;
    return ((image.rgb()[i] & 0xFF) << 16) | ((image.rgb()[i + 1] & 0xFF) << 8) | (image.rgb()[i + 2] & 0xFF);
  }

  @Test
  void aBoxInFrontOfTheCameraCoversTheCentreButNotTheCorners() {
    Rasterizer r = looking();
    r.draw(Mesh.box(), Transform.box(0, 0, 0, 0.3, 0.3, 0.3), 0xFFFFFF);
    RgbImage image = r.image();
    assertThat(pixel(image, 32, 24)).isNotEqualTo(BACKGROUND);
    assertThat(pixel(image, 0, 0)).isEqualTo(BACKGROUND);
    assertThat(pixel(image, 63, 47)).isEqualTo(BACKGROUND);
  }

  @Test
  void theFaceTowardsTheCameraIsShadedByAmbientPlusLambert() {
    Rasterizer r = looking();
    r.draw(Mesh.box(), Transform.box(0, 0, 0, 0.3, 0.3, 0.3), 0xFFFFFF);
    // The visible face has normal (0, -1, 0): shade = 0.38 + 0.62 * 0.4484.
    int grey = (int) (255 * (0.38 + 0.62 * 0.4484) + 0.5);
    assertThat(pixel(r.image(), 32, 24)).isEqualTo((grey << 16) | (grey << 8) | grey);
  }

  @Test
  void theNearerShapeHidesTheFartherWhateverTheDrawingOrder() {
    Rasterizer r = looking();
    r.draw(Mesh.box(), Transform.box(0, -0.5, 0, 0.1, 0.1, 0.1), 0xFF0000);
    r.draw(Mesh.box(), Transform.box(0, 0.5, 0, 0.6, 0.1, 0.6), 0x0000FF);
    int centre = pixel(r.image(), 32, 24);
    assertThat(centre >> 16).isGreaterThan(0);
    assertThat(centre & 0xFF).isZero();
  }

  @Test
  void theTopRowComesFirst() {
    Rasterizer r = looking();
    r.draw(Mesh.box(), Transform.box(0, 0, 0.6, 0.1, 0.1, 0.1), 0x00FF00);
    RgbImage image = r.image();
    boolean upper = false;
    boolean lower = false;
    for (int y = 0; y < 48; y++) {
      if (pixel(image, 32, y) != BACKGROUND) {
        upper |= y < 24;
        lower |= y >= 24;
      }
    }
    assertThat(upper).isTrue();
    assertThat(lower).isFalse();
  }

  @Test
  void aShapeAroundTheCameraIsClippedInsteadOfWrappingAround() {
    Rasterizer r = looking();
    // A floor slab under and behind the camera: only the part in front may be drawn, in the
    // lower half of the image.
    r.draw(Mesh.box(), Transform.box(0, 0, -0.5, 5, 5, 0.01), 0xFFFFFF);
    RgbImage image = r.image();
    assertThat(pixel(image, 32, 47)).isNotEqualTo(BACKGROUND);
    assertThat(pixel(image, 32, 0)).isEqualTo(BACKGROUND);
  }

  @Test
  void clearPaintsAVerticalGradient() {
    Rasterizer r = new Rasterizer(2, 3);
    r.clear(0x000000, 0xFFFFFF);
    RgbImage image = r.image();
    assertThat(pixel(image, 0, 0)).isEqualTo(0x000000);
    assertThat(pixel(image, 1, 1)).isEqualTo(0x808080);
    assertThat(pixel(image, 0, 2)).isEqualTo(0xFFFFFF);
  }
}
