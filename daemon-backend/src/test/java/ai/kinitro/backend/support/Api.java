package ai.kinitro.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny real-HTTP JSON client for tests. */
public final class Api {
  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response: status and parsed JSON body (null when empty). */
  public record Response(int status, JsonNode body, String raw) {
    public JsonNode json() {
      return body;
    }
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response get(String path, String apiKey) {
    return send("GET", path, null, apiKey);
  }

  public Response post(String path, Object body, String apiKey) {
    return send("POST", path, body, apiKey);
  }

  public Response put(String path, Object body, String apiKey) {
    return send("PUT", path, body, apiKey);
  }

  public Response patch(String path, String apiKey) {
    return send("PATCH", path, null, apiKey);
  }

  public Response delete(String path, String apiKey) {
    return send("DELETE", path, null, apiKey);
  }

  public Response send(String method, String path, Object body, String apiKey) {
    String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
    if (text != null) {
      request.header("Content-Type", "application/json");
    }
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      JsonNode json = raw == null || raw.isBlank() ? null : parse(raw);
      return new Response(response.statusCode(), json, raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String raw) {
    try {
      return JSON.readTree(raw);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
