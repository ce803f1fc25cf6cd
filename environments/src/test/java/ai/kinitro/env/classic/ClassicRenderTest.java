package ai.kinitro.env.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.RgbImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassicRenderTest {

  private static Environment create(String id) {
    return EnvironmentRegistry.standard().create(id);
  }

  private static int pixel(RgbImage image, int x, int y) {
    int i = (y * image.width() + x) * 3;
    return (image.rgb()[i] & 0xFF) << 16 | (image.rgb()[i + 1] & 0xFF) << 8 | (image.rgb()[i + 2] & 0xFF);
  }

  private static Set<Integer> colours(RgbImage image) {
    Set<Integer> out = new HashSet<>();
    for (int i = 0; i < image.rgb().length; i += 3) {
      out.add(pixel(image, (i / 3) % image.width(), (i / 3) / image.width()));
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({
      "classic/CartPole-v1, 84, 84", "classic/CartPole-v1, 480, 320",
      "classic/Pendulum-v1, 84, 84", "classic/Pendulum-v1, 480, 480",
      "classic/MountainCar-v0, 84, 84", "classic/MountainCarContinuous-v0, 300, 200",
      "classic/Acrobot-v1, 84, 84", "classic/Acrobot-v1, 480, 480"})
  void rendersTheSceneAtTheRequestedSizeWithItsColours(String id, int width, int height) {
    try (Environment env = create(id)) {
      env.reset(1);
      RgbImage image = env.render("default", width, height);
      assertThat(image.width()).isEqualTo(width);
      assertThat(image.height()).isEqualTo(height);
      assertThat(colours(image)).contains(0xFFFFFF).hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void cartPoleDrawsTheCartAndTheUprightPoleWhereGymnasiumDoes() {
    try (Environment env = create("classic/CartPole-v1")) {
      env.reset(0, ResetOptions.fromState(new double[] {0, 0, 0, 0}));
      RgbImage image = env.render("default", 600, 400);
      assertThat(pixel(image, 300, 300)).as("cart centre").isEqualTo(0x000000);
      assertThat(pixel(image, 300, 400 - 200)).as("pole").isEqualTo(0xCA9865);
      assertThat(pixel(image, 300, 400 - 108)).as("axle").isEqualTo(0x8184CB);
      assertThat(pixel(image, 100, 200)).as("background").isEqualTo(0xFFFFFF);
    }
  }

  @Test
  void acrobotHangingDownFillsTheLowerHalfOnly() {
    try (Environment env = create("classic/Acrobot-v1")) {
      env.reset(0, ResetOptions.fromState(new double[] {0, 0, 0, 0}));
      RgbImage image = env.render("default", 500, 500);
      assertThat(pixel(image, 250, 250 + 170)).as("second link below the pivot").isEqualTo(0x00CCCC);
      assertThat(pixel(image, 250, 250 - 170)).as("nothing above").isEqualTo(0xFFFFFF);
    }
  }

  @Test
  void theSameStateRendersTheSameBytesAndAnotherStateDiffers() {
    try (Environment a = create("classic/MountainCar-v0"); Environment b = create("classic/MountainCar-v0")) {
      a.reset(3);
      b.reset(3);
      assertThat(a.render("default", 84, 84).rgb()).isEqualTo(b.render("default", 84, 84).rgb());
      b.reset(0, ResetOptions.fromState(new double[] {0.3, 0}));
      assertThat(a.render("default", 84, 84).rgb()).isNotEqualTo(b.render("default", 84, 84).rgb());
    }
  }

  @Test
  void unknownCamerasAndSizesOutOfRangeAreRefused() {
    try (Environment env = create("classic/Pendulum-v1")) {
      env.reset(0);
      assertThatThrownBy(() -> env.render("corner", 84, 84)).isInstanceOfSatisfying(KinitroException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CAMERA));
      assertThatThrownBy(() -> env.render("default", 8, 84)).isInstanceOfSatisfying(KinitroException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IMAGE_SIZE));
    }
  }
}
