package ai.kinitro.desktop.api;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import javafx.scene.image.Image;

/**
 * {@link FrameLoader} over HTTP: a plain GET of the (public or presigned) URL, then the image is
 * decoded on the calling (background) thread, so the UI only shows a ready image. Frames are small
 * PNGs; anything larger than {@link #MAX_BYTES} is refused.
 */
public final class HttpFrameLoader implements FrameLoader {
  static final long MAX_BYTES = 16L << 20;

  private final HttpClient http;
  private final Duration timeout;

  public HttpFrameLoader(HttpClient http, Duration timeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public FrameImage load(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "the frame URL is not a valid URL");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "the frame URL is not an http(s) URL");
    }
    String where = uri.getRawAuthority() + uri.getRawPath();
    byte[] body;
    try {
      HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "image/*")
          .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        int status = response.statusCode();
        if (status != 200) {
          String why = status == 403 ? " (the URL expired or is not allowed: reload the episode for fresh URLs)"
              : status == 404 ? " (the frame is not in the store)" : "";
          throw new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE, "the frame store answered HTTP " + status + " for " + where
              + why);
        }
        // Never hold more than the limit: a declared or actual larger body is refused while it streams.
        if (response.headers().firstValueAsLong("Content-Length").orElse(0) > MAX_BYTES) {
          throw tooLarge(where);
        }
        body = in.readNBytes((int) MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
          throw tooLarge(where);
        }
      }
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE, "the frame store " + uri.getRawAuthority()
          + " could not be reached (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE, "loading the frame was interrupted", e);
    }
    Image image = new Image(new ByteArrayInputStream(body));
    if (image.isError()) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "the frame at " + where + " is not an image this app can show");
    }
    return new FrameImage(image);
  }

  private static KinitroException tooLarge(String where) {
    return new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "the frame at " + where + " is larger than "
        + (MAX_BYTES >> 20) + " MiB");
  }
}
