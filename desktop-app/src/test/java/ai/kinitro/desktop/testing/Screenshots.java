package ai.kinitro.desktop.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Screenshots of real windows taken by UI tests: always written to {@code target/screenshots/};
 * with {@code -Ddesktop.screenshots.update=true} also copied to {@code docs/images/desktop/}, where
 * {@code docs/desktop.md} uses them.
 */
public final class Screenshots {
  private Screenshots() {}

  /** What the window shows of {@code node} (as the user sees it). */
  public static Path save(FxRobot robot, Node node, String name) {
    return write(robot.capture(node).getImage(), name);
  }

  /** All of {@code node} rendered, also the parts scrolled out of view (long pages). */
  public static Path saveWhole(Node node, String name) {
    try {
      return write(org.testfx.util.WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(), name);
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Image image, String name) {
    BufferedImage png = SwingFXUtils.fromFXImage(image, null);
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Path file = dir.resolve(name + ".png");
      ImageIO.write(png, "png", file.toFile());
      if (Boolean.getBoolean("desktop.screenshots.update")) {
        Path docs = Files.createDirectories(Path.of("..", "docs", "images", "desktop"));
        Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
