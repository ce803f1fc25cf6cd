package ai.kinitro.desktop.connection;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the app connects and as whom: a backend URL and an optional API key (admins have one;
 * spectators and miners need none). {@link #toString()} never shows the key.
 */
public record ConnectionProfile(String name, URI backendUrl, Optional<String> apiKey) {
  public ConnectionProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(backendUrl, "backendUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    if (name.isBlank()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "A connection profile needs a name");
    }
    String scheme = backendUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || backendUrl.getHost() == null) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "The backend URL must be an http:// or https:// address, e.g. http://127.0.0.1:8080; got '" + backendUrl + "'");
    }
    apiKey = apiKey.map(String::strip).filter(k -> !k.isEmpty());
  }

  /** The default profile: the backend that {@code ./kinitro up} starts on this machine. */
  public static ConnectionProfile local() {
    return new ConnectionProfile("Local", URI.create("http://127.0.0.1:8080"), Optional.empty());
  }

  public static ConnectionProfile of(String name, String url, String apiKey) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'" + url + "' is not a valid URL");
    }
    return new ConnectionProfile(name.strip(), uri, Optional.ofNullable(apiKey));
  }

  /** Admin pages are offered only with a key; the backend still checks the key's role. */
  public boolean hasApiKey() {
    return apiKey.isPresent();
  }

  @Override
  public String toString() {
    return "ConnectionProfile[" + name + " " + backendUrl + (apiKey.isPresent() ? " with API key" : "") + "]";
  }
}
