package ai.kinitro.desktop.connection;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the app connects and as whom: a backend URL and an optional API key (admins have one;
 * spectators and miners need none), plus the chain the miner wizard commits to (its node URL and
 * the subnet's netuid, remembered from the last commit). {@link #toString()} never shows the key.
 */
public record ConnectionProfile(String name, URI backendUrl, Optional<String> apiKey, String chainUrl, int netuid) {
  /** The chain of {@code ./kinitro up}: the local dev chain. */
  public static final String DEFAULT_CHAIN_URL = "ws://127.0.0.1:9944";
  public static final int DEFAULT_NETUID = 1;

  /** A profile with the default chain (the local dev chain, netuid 1). */
  public ConnectionProfile(String name, URI backendUrl, Optional<String> apiKey) {
    this(name, backendUrl, apiKey, DEFAULT_CHAIN_URL, DEFAULT_NETUID);
  }

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
    chainUrl = chainUrl == null || chainUrl.isBlank() ? DEFAULT_CHAIN_URL : chainUrl.strip();
    if (netuid < 0 || netuid > 65535) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "A subnet's netuid is between 0 and 65535; got " + netuid);
    }
  }

  /** This profile with another chain URL and netuid (what the wizard committed to last). */
  public ConnectionProfile withChain(String newChainUrl, int newNetuid) {
    return new ConnectionProfile(name, backendUrl, apiKey, newChainUrl, newNetuid);
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
    return "ConnectionProfile[" + name + " " + backendUrl + (apiKey.isPresent() ? " with API key" : "") + ", chain "
        + chainUrl + " netuid " + netuid + "]";
  }
}
