package ai.kinitro.desktop.testing;

import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.Tensor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Real frames for replay tests: CartPole rendered by the environments module, as PNG. */
public final class Frames {
  public static final String ENV = "classic/CartPole-v1";
  public static final String CAMERA = "default";

  private Frames() {}

  /** The first {@code count} frames of a CartPole episode (the frame after reset, then one per step). */
  public static List<byte[]> cartPole(long seed, int count, int size) {
    List<byte[]> out = new ArrayList<>();
    try (Environment env = EnvironmentRegistry.standard().create(ENV)) {
      env.reset(seed);
      for (int i = 0; i < count; i++) {
        out.add(png(env.render(CAMERA, size, size)));
        env.step(Tensor.scalar((i / 2) % 2));
      }
    }
    return out;
  }

  static byte[] png(RgbImage image) {
    BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    byte[] rgb = image.rgb();
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int i = (y * image.width() + x) * 3;
        b.setRGB(x, y, ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(b, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
