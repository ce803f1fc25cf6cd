package ai.kinitro.desktop.api;

import java.util.Objects;
import javafx.scene.image.Image;

/**
 * A decoded frame, ready to show. View models only pass it on (they touch no {@code javafx.scene}
 * types); pages put {@link #image()} into an image view.
 */
public record FrameImage(Image image) {
  public FrameImage {
    Objects.requireNonNull(image, "image");
  }
}
