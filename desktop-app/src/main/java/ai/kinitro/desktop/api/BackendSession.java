package ai.kinitro.desktop.api;

import ai.kinitro.desktop.connection.ConnectionProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The REST client for the selected connection profile. View models ask it for {@link #api()} at
 * call time, so switching profiles takes effect for the next call without rebuilding them.
 */
public final class BackendSession {
  private final HttpClient http;
  private final Duration timeout;
  private volatile BackendApi current;

  public BackendSession(HttpClient http, Duration timeout, ConnectionProfile initial) {
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    use(initial);
  }

  /** From now on, calls go to {@code profile}'s backend with its API key. */
  public void use(ConnectionProfile profile) {
    current = new BackendApi(profile.backendUrl(), profile.apiKey(), http, timeout);
  }

  public BackendApi api() {
    return current;
  }

  public URI backendUrl() {
    return current.base();
  }

  public HttpClient http() {
    return http;
  }
}
