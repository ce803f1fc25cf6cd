package ai.kinitro.common.chain.rpc;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Sends JSON-RPC 2.0 requests to a node. Parameters are plain Java values (strings, numbers,
 * booleans, lists, maps, {@link JsonNode}s) serialised positionally.
 *
 * <p>Failures are {@link ai.kinitro.common.error.KinitroException}s: a JSON-RPC error answer is a
 * {@link JsonRpcException} carrying the node's code, message and data; no answer in time is
 * {@code CHAIN_REQUEST_TIMEOUT}; a node that cannot be reached is {@code CHAIN_UNREACHABLE}; a
 * connection that drops while the request is pending is {@code CHAIN_CONNECTION_LOST}.
 */
public interface JsonRpcTransport extends AutoCloseable {

  /** Calls {@code method} and waits up to the transport's default timeout for the result. */
  JsonNode call(String method, List<?> params);

  /** Calls {@code method} and waits up to {@code timeout} for the result ({@code null} JSON as a NullNode). */
  JsonNode call(String method, List<?> params, Duration timeout);

  /**
   * Subscribes with {@code method} (e.g. {@code chain_subscribeNewHeads}); notifications go to
   * {@code listener} until the returned subscription is closed, which calls {@code
   * unsubscribeMethod}. Transports without subscriptions (HTTP) fail with {@code
   * CHAIN_UNSUPPORTED_RUNTIME}; check {@link #supportsSubscriptions()} first.
   */
  Subscription subscribe(String method, List<?> params, String unsubscribeMethod, SubscriptionListener listener);

  /** True when {@link #subscribe} works on this transport. */
  boolean supportsSubscriptions();

  /** Releases connections; pending requests fail with {@code CHAIN_CONNECTION_LOST}. */
  @Override
  void close();
}
