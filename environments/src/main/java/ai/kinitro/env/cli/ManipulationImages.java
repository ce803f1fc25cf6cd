package ai.kinitro.env.cli;

import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentFactory;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.manipulation.ManipulationSuite;
import ai.kinitro.env.manipulation.experts.ManipulationPolicy;
import ai.kinitro.env.manipulation.experts.ScriptedExperts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes one PNG per manipulation task for the documentation: seed 0, after {@code steps} steps
 * of the scripted expert (0 = the initial state), from a camera at a size.
 *
 * <p>Usage: {@code ManipulationImages <outputDir> [camera=corner] [size=240] [steps=0]}
 */
public final class ManipulationImages {
  private ManipulationImages() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ManipulationImages <outputDir> [camera=corner] [size=240] [steps=0]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String camera = args.length > 1 ? args[1] : "corner";
    int size = args.length > 2 ? Integer.parseInt(args[2]) : 240;
    int steps = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    Files.createDirectories(dir);
    for (EnvironmentFactory f : ManipulationSuite.factories()) {
      String name = f.spec().id().name();
      try (Environment env = f.create()) {
        ManipulationPolicy expert = ScriptedExperts.forTask(name);
        Map<String, Tensor> obs = env.reset(0);
        for (int i = 0; i < steps; i++) {
          StepResult r = env.step(expert.act(obs));
          obs = r.observation();
          if (r.done()) {
            break;
          }
        }
        Path file = dir.resolve("manipulation-" + name + (steps > 0 ? "-" + steps : "") + ".png");
        ImageIO.write(toBuffered(env.render(camera, size, size)), "png", file.toFile());
        System.out.println(file + " (" + Files.size(file) + " bytes)");
      }
    }
  }

  static BufferedImage toBuffered(RgbImage image) {
    BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    byte[] rgb = image.rgb();
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int i = (y * image.width() + x) * 3;
        out.setRGB(x, y, ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF));
      }
    }
    return out;
  }
}
