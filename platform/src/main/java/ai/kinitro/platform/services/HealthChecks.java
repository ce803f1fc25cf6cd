package ai.kinitro.platform.services;

import ai.kinitro.platform.supervisor.HealthCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** The probes the platform's services answer. Each throws with a short reason when not healthy. */
public final class HealthChecks {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HealthChecks() {}

  /** Any HTTP answer at all (s3proxy answers anonymous requests with an S3 error document). */
  public static HealthCheck anyHttpAnswer(URI uri) {
    return () -> HTTP.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
  }

  /** Spring Boot's {@code /actuator/health} answers 200 with status UP. */
  public static HealthCheck actuator(URI base) {
    URI uri = base.resolve("/actuator/health");
    return () -> {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || !response.body().contains("\"UP\"")) {
        throw new IOException(uri + " answered " + response.statusCode() + " " + abbreviate(response.body()));
      }
    };
  }

  /** A JSON-RPC call over HTTP answers 200 with a {@code result}. */
  public static HealthCheck jsonRpc(URI uri, String method) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
    return () -> {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || !response.body().contains("\"result\"")) {
        throw new IOException(method + " answered " + response.statusCode() + " " + abbreviate(response.body()));
      }
    };
  }

  /** Every database in {@code urls} accepts a connection and {@code SELECT 1}. */
  public static HealthCheck jdbc(List<String> urls, String user, String password) {
    List<String> copy = List.copyOf(urls);
    return () -> {
      DriverManager.setLoginTimeout(5);
      for (String url : copy) {
        try (Connection c = DriverManager.getConnection(url, user, password);
            Statement s = c.createStatement();
            ResultSet r = s.executeQuery("SELECT 1")) {
          r.next();
        }
      }
    };
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
