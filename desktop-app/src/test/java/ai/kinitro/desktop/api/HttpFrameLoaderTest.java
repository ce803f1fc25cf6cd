package ai.kinitro.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.desktop.testing.Frames;
import ai.kinitro.desktop.testing.TestBackend;
import ai.kinitro.desktop.testing.TestBackend.Response;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frames over real HTTP: decoded images, and a clear reason for everything that is not one. */
class HttpFrameLoaderTest {
  private final TestBackend store = new TestBackend();
  private final HttpFrameLoader loader = new HttpFrameLoader(BackendApi.defaultHttpClient(), Duration.ofSeconds(10));

  @AfterEach
  void stop() {
    store.close();
  }

  private String url(String path) {
    return store.url().toString().replaceAll("/$", "") + path;
  }

  @Test
  void aStoredPngIsDecoded() {
    store.route("GET", "/frames/0.png", r -> new Response(200, "image/png", Frames.cartPole(3, 1, 84).getFirst()));

    FrameImage image = loader.load(url("/frames/0.png") + "?X-Amz-Signature=abc");

    assertThat(image.image().getWidth()).isEqualTo(84);
    assertThat(image.image().getHeight()).isEqualTo(84);
  }

  @Test
  void aMissingFrameSaysItIsNotInTheStoreWithoutTheSignature() {
    store.route("GET", "/frames/gone.png", r -> new Response(404, "application/xml", "<Error/>".getBytes()));

    assertThatThrownBy(() -> loader.load(url("/frames/gone.png") + "?X-Amz-Signature=secret"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE))
        .hasMessage("the frame store answered HTTP 404 for 127.0.0.1:" + store.port() + "/frames/gone.png (the frame is not in "
            + "the store)");
  }

  @Test
  void aBodyLargerThanTheLimitIsRefused() {
    store.route("GET", "/frames/huge.png", r -> new Response(200, "image/png", new byte[(int) HttpFrameLoader.MAX_BYTES + 1]));

    assertThatThrownBy(() -> loader.load(url("/frames/huge.png")))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_PROTOCOL_ERROR))
        .hasMessage("the frame at 127.0.0.1:" + store.port() + "/frames/huge.png is larger than 16 MiB");
  }

  @Test
  void bytesThatAreNotAnImageAndUrlsThatAreNotHttpAreRefused() {
    store.route("GET", "/frames/text.png", r -> new Response(200, "image/png", "not a png".getBytes()));

    assertThatThrownBy(() -> loader.load(url("/frames/text.png")))
        .hasMessage("the frame at 127.0.0.1:" + store.port() + "/frames/text.png is not an image this app can show");
    assertThatThrownBy(() -> loader.load("file:///etc/passwd")).hasMessage("the frame URL is not an http(s) URL");
  }
}
