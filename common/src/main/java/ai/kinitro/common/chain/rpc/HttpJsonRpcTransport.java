package ai.kinitro.common.chain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/** JSON-RPC over HTTP POST ({@code java.net.http}): calls only, no subscriptions. */
public final class HttpJsonRpcTransport implements JsonRpcTransport {
  private final URI endpoint;
  private final Duration defaultTimeout;
  private final HttpClient client;
  private final AtomicLong ids = new AtomicLong();

  public HttpJsonRpcTransport(URI endpoint, Duration defaultTimeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    this.client = HttpClient.newBuilder().connectTimeout(defaultTimeout).build();
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public JsonNode call(String method, List<?> params) {
    return call(method, params, defaultTimeout);
  }

  @Override
  public JsonNode call(String method, List<?> params, Duration timeout) {
    String body = JsonRpcCodec.request(ids.incrementAndGet(), method, params).toString();
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw new KinitroException(ErrorCode.CHAIN_REQUEST_TIMEOUT,
          "the chain node at " + endpoint + " did not answer " + method + " within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.CHAIN_CONNECTION_LOST, "interrupted while waiting for " + method, e);
    }
    if (response.statusCode() / 100 != 2 && !looksLikeJson(response.body())) {
      throw new KinitroException(ErrorCode.CHAIN_RPC_ERROR, "the chain node at " + endpoint + " answered " + method
          + " with HTTP " + response.statusCode() + ": " + JsonRpcCodec.abbreviate(response.body()));
    }
    return JsonRpcCodec.resultOrThrow(method, JsonRpcCodec.parse(response.body()));
  }

  @Override
  public Subscription subscribe(String method, List<?> params, String unsubscribeMethod, SubscriptionListener listener) {
    throw new KinitroException(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME, "cannot " + method + " over HTTP ("
        + endpoint + "): subscriptions need a ws:// or wss:// endpoint");
  }

  @Override
  public boolean supportsSubscriptions() {
    return false;
  }

  @Override
  public void close() {
    client.close();
  }

  private KinitroException unreachable(Exception cause) {
    return new KinitroException(ErrorCode.CHAIN_UNREACHABLE, "cannot reach the chain node at " + endpoint + " ("
        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
        + "); check the URL and that the node is running", cause);
  }

  private static boolean looksLikeJson(String body) {
    return body != null && body.stripLeading().startsWith("{");
  }
}
