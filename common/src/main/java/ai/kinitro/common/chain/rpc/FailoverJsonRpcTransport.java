package ai.kinitro.common.chain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A WebSocket transport with an HTTP transport behind it for calls: while the WebSocket is down
 * (reconnecting), or when it drops during a read, calls go over HTTP. Subscriptions always use the
 * WebSocket. Submissions ({@code author_*}) are never repeated over HTTP after the WebSocket
 * dropped mid-request, since the node may already have the transaction.
 */
public final class FailoverJsonRpcTransport implements JsonRpcTransport {
  private final WebSocketJsonRpcTransport primary;
  private final JsonRpcTransport fallback;

  public FailoverJsonRpcTransport(WebSocketJsonRpcTransport primary, JsonRpcTransport fallback) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  @Override
  public JsonNode call(String method, List<?> params) {
    if (!primary.isConnected()) {
      return fallback.call(method, params);
    }
    try {
      return primary.call(method, params);
    } catch (KinitroException e) {
      if (!retryable(method, e)) {
        throw e;
      }
      return fallback.call(method, params);
    }
  }

  @Override
  public JsonNode call(String method, List<?> params, Duration timeout) {
    if (!primary.isConnected()) {
      return fallback.call(method, params, timeout);
    }
    try {
      return primary.call(method, params, timeout);
    } catch (KinitroException e) {
      if (!retryable(method, e)) {
        throw e;
      }
      return fallback.call(method, params, timeout);
    }
  }

  @Override
  public Subscription subscribe(String method, List<?> params, String unsubscribeMethod, SubscriptionListener listener) {
    return primary.subscribe(method, params, unsubscribeMethod, listener);
  }

  @Override
  public boolean supportsSubscriptions() {
    return true;
  }

  @Override
  public void close() {
    try {
      primary.close();
    } finally {
      fallback.close();
    }
  }

  private static boolean retryable(String method, KinitroException e) {
    boolean connectionProblem =
        e.code() == ErrorCode.CHAIN_UNREACHABLE || e.code() == ErrorCode.CHAIN_CONNECTION_LOST;
    return connectionProblem && !method.startsWith("author_");
  }
}
