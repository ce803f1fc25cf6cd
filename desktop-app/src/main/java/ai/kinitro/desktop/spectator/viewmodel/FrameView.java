package ai.kinitro.desktop.spectator.viewmodel;

import ai.kinitro.desktop.api.FrameImage;
import java.util.Objects;
import java.util.Optional;

/**
 * What the replay shows for one camera of the selected step: the image once loaded, or why there
 * is none.
 *
 * @param camera the camera's name
 * @param step the step number
 * @param state loading, shown, failed, or not loadable (no URL)
 * @param image the decoded image when shown
 * @param message empty when shown; else what is happening or what went wrong
 */
public record FrameView(String camera, int step, State state, Optional<FrameImage> image, String message) {
  /** Where the frame of one camera is. */
  public enum State {
    LOADING, SHOWN, FAILED, NO_URL
  }

  public FrameView {
    Objects.requireNonNull(camera, "camera");
    Objects.requireNonNull(state, "state");
    image = image == null ? Optional.empty() : image;
    message = message == null ? "" : message;
  }

  static FrameView loading(String camera, int step) {
    return new FrameView(camera, step, State.LOADING, Optional.empty(), "Loading…");
  }

  static FrameView shown(String camera, int step, FrameImage image) {
    return new FrameView(camera, step, State.SHOWN, Optional.of(image), "");
  }

  static FrameView failed(String camera, int step, String why) {
    return new FrameView(camera, step, State.FAILED, Optional.empty(),
        "The frame of camera '" + camera + "' at step " + step + " could not be loaded: " + why);
  }

  static FrameView noUrl(String camera, int step) {
    return new FrameView(camera, step, State.NO_URL, Optional.empty(),
        "No URL for this frame: it is stored where this backend cannot sign for it.");
  }
}
