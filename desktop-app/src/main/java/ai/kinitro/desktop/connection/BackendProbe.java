package ai.kinitro.desktop.connection;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Checks that a backend answers, and how fast. A port so the monitor can be tested without one. */
@FunctionalInterface
public interface BackendProbe {
  /** Round-trip time of one health request; throws {@link KinitroException} when unreachable. */
  Duration ping(URI backend);

  /**
   * The real probe: {@code GET /actuator/health} over HTTP with a timeout. A 503 with a health
   * document counts as an answer: the backend is there, one of its components (chain, vault) is
   * down, and its REST API still serves.
   */
  static BackendProbe http(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    return backend -> {
      HttpRequest request = HttpRequest.newBuilder(backend.resolve("/actuator/health")).timeout(timeout).GET().build();
      long started = System.nanoTime();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        boolean degraded = response.statusCode() == 503 && response.body().contains("\"status\"");
        if (response.statusCode() != 200 && !degraded) {
          throw new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE,
              "The backend at " + backend + " answered " + response.statusCode() + " to its health check");
        }
        return elapsed;
      } catch (IOException e) {
        throw new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE,
            "Cannot reach the backend at " + backend + " (" + e.getClass().getSimpleName() + ")", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KinitroException(ErrorCode.TIMEOUT, "Interrupted while contacting " + backend, e);
      }
    };
  }
}
