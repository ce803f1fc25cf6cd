package ai.kinitro.env.cli;

import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.render.PngEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one PNG per classic control task, from a fixed state, for {@code docs/environments.md}.
 *
 * <pre>java -cp ... ai.kinitro.env.cli.RenderGallery docs/images/environments</pre>
 */
public final class RenderGallery {
  private RenderGallery() {}

  private record Shot(String id, String file, double[] state, Tensor action, int width, int height) {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/images/environments");
    Files.createDirectories(dir);
    List<Shot> shots = List.of(
        new Shot("classic/CartPole-v1", "cartpole.png", new double[] {0.6, 0, 0.12, 0}, null, 480, 320),
        new Shot("classic/Pendulum-v1", "pendulum.png", new double[] {2.4, 0}, Tensor.float32(1.5f), 400, 400),
        new Shot("classic/MountainCar-v0", "mountaincar.png", new double[] {-0.95, 0}, null, 480, 320),
        new Shot("classic/MountainCarContinuous-v0", "mountaincarcontinuous.png", new double[] {0.25, 0.03}, null, 480, 320),
        new Shot("classic/Acrobot-v1", "acrobot.png", new double[] {2.2, 1.1, 0, 0}, null, 400, 400));
    EnvironmentRegistry registry = EnvironmentRegistry.standard();
    for (Shot shot : shots) {
      try (Environment env = registry.create(shot.id())) {
        env.reset(0, ResetOptions.fromState(shot.state()));
        if (shot.action() != null) {
          env.step(shot.action());
        }
        RgbImage image = env.render("default", shot.width(), shot.height());
        Path file = dir.resolve(shot.file());
        Files.write(file, PngEncoder.encode(image));
        System.out.println(shot.id() + " -> " + file + " (" + Files.size(file) + " bytes)");
      }
    }
  }
}
