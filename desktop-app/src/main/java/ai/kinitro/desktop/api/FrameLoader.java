package ai.kinitro.desktop.api;

/**
 * Loads a stored frame (a logged step's camera image) from the URL the backend gave it: downloads
 * and decodes it. Blocks on the network: call it through {@code BackgroundTasks}. A port, so view
 * models are tested without a server.
 */
public interface FrameLoader {
  /**
   * The decoded image.
   *
   * @throws ai.kinitro.common.error.KinitroException when the store cannot be reached, refuses the
   *     URL (expired, forbidden, missing) or answers something that is not an image; the message
   *     says which, without the URL's signature
   */
  FrameImage load(String url);
}
