package ai.kinitro.common.chain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** Opens the right transport for an endpoint URL. */
public final class JsonRpcTransports {
  private JsonRpcTransports() {}

  /**
   * {@code ws://} / {@code wss://}: a WebSocket with the same host over {@code http(s)://} as the
   * fallback for calls. {@code http://} / {@code https://}: HTTP only (no subscriptions, so
   * transactions cannot be watched; the client polls blocks instead).
   */
  public static JsonRpcTransport open(URI endpoint, Duration requestTimeout) {
    String scheme = String.valueOf(endpoint.getScheme()).toLowerCase(java.util.Locale.ROOT);
    return switch (scheme) {
      case "ws", "wss" -> new FailoverJsonRpcTransport(
          WebSocketJsonRpcTransport.builder(endpoint).defaultTimeout(requestTimeout).connect(),
          new HttpJsonRpcTransport(withScheme(endpoint, scheme.equals("wss") ? "https" : "http"), requestTimeout));
      case "http", "https" -> new HttpJsonRpcTransport(endpoint, requestTimeout);
      default -> throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "chain endpoint " + endpoint + " must start with ws://, wss://, http:// or https://");
    };
  }

  static URI withScheme(URI uri, String scheme) {
    try {
      return new URI(scheme, uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
    } catch (URISyntaxException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "cannot derive an HTTP URL from " + uri, e);
    }
  }
}
