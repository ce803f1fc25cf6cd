package ai.kinitro.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.desktop.testing.TestBackend;
import ai.kinitro.desktop.testing.TestBackend.Response;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The health probe over real HTTP: a backend with a component down still answers. */
class BackendProbeTest {
  private final TestBackend backend = new TestBackend();
  private final BackendProbe probe = BackendProbe.http(Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    backend.close();
  }

  @Test
  void anUpBackendAndABackendWithAComponentDownBothAnswer() {
    assertThat(probe.ping(backend.url())).isPositive();

    backend.route("GET", "/actuator/health", r -> Response.json(503, "{\"status\":\"DOWN\"}"));
    assertThat(probe.ping(backend.url())).isPositive();
  }

  @Test
  void anAnswerThatIsNotAHealthDocumentIsNotABackend() {
    backend.route("GET", "/actuator/health", r -> new Response(502, "text/html", "<html>Bad Gateway</html>".getBytes()));

    assertThatThrownBy(() -> probe.ping(backend.url()))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE))
        .hasMessageEndingWith("answered 502 to its health check");
  }

  @Test
  void nothingListeningIsUnreachable() {
    assertThatThrownBy(() -> probe.ping(URI.create("http://127.0.0.1:9/")))
        .hasMessageStartingWith("Cannot reach the backend at http://127.0.0.1:9/");
  }
}
