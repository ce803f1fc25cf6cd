package ai.kinitro.common.chain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers requests from stored exchanges and fails loudly ({@code CHAIN_REPLAY_UNMATCHED}) on any
 * request it has no answer for. An exchange matches on the method and the exact JSON of the
 * parameters. Several exchanges with the same method and parameters answer successive requests
 * in order; the last one keeps answering.
 *
 * <p>Fixture format (JSON):
 *
 * <pre>{@code
 * {"exchanges": [
 *   {"method": "chain_getBlockHash", "params": [0], "result": "0x2f05..."},
 *   {"method": "author_submitExtrinsic", "params": ["0x..."],
 *    "error": {"code": 1010, "message": "Invalid Transaction", "data": "Custom error: 6"}},
 *   {"method": "author_submitAndWatchExtrinsic", "params": ["0x..."], "result": "w1",
 *    "notifications": ["ready", {"inBlock": "0x..."}]}
 * ]}
 * }</pre>
 *
 * A subscription exchange's {@code result} is the subscription id; its notifications are
 * delivered to the listener, in order, before {@link #subscribe} returns.
 */
public final class ReplayTransport implements JsonRpcTransport {
  private final Map<String, Deque<JsonNode>> exchanges = new LinkedHashMap<>();
  private final Map<String, JsonNode> used = new LinkedHashMap<>();
  private final List<JsonNode> requests = new ArrayList<>();

  private ReplayTransport(JsonNode fixture) {
    JsonNode list = fixture.isArray() ? fixture : fixture.path("exchanges");
    if (!list.isArray()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "a replay fixture needs an \"exchanges\" array");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode exchange = list.get(i);
      if (!exchange.has("method") || !(exchange.has("result") || exchange.has("error"))) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
            "replay exchange " + i + " needs a method and a result or an error: " + exchange);
      }
      exchanges.computeIfAbsent(key(exchange.get("method").asString(), exchange.path("params")),
          k -> new ArrayDeque<>()).add(exchange);
    }
  }

  /** From a fixture document (see the class comment). */
  public static ReplayTransport fromJson(String json) {
    return new ReplayTransport(JsonRpcCodec.parse(json));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every request seen, as {@code {"method", "params"}} objects, in order. */
  public synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** Exchanges never asked for, as {@code method params} lines (empty when every answer was used). */
  public synchronized List<String> unused() {
    List<String> out = new ArrayList<>();
    exchanges.forEach((key, queue) -> {
      if (!used.containsKey(key)) {
        out.add(key);
      }
    });
    return out;
  }

  @Override
  public JsonNode call(String method, List<?> params) {
    JsonNode exchange = next(method, params);
    if (exchange.has("notifications")) {
      throw new KinitroException(ErrorCode.CHAIN_REPLAY_UNMATCHED,
          "replay: " + method + " is stored as a subscription but was called as a plain request");
    }
    return answer(method, exchange);
  }

  @Override
  public JsonNode call(String method, List<?> params, Duration timeout) {
    return call(method, params);
  }

  @Override
  public Subscription subscribe(String method, List<?> params, String unsubscribeMethod, SubscriptionListener listener) {
    JsonNode exchange = next(method, params);
    JsonNode id = answer(method, exchange);
    String subscriptionId = id.isString() ? id.asString() : id.toString();
    JsonNode notifications = exchange.path("notifications");
    for (int i = 0; i < notifications.size(); i++) {
      listener.onNotification(notifications.get(i));
    }
    return new Subscription() {
      @Override
      public String id() {
        return subscriptionId;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean supportsSubscriptions() {
    return true;
  }

  @Override
  public void close() {}

  private synchronized JsonNode next(String method, List<?> params) {
    ArrayNode json = JsonRpcCodec.params(params);
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("method", method);
    request.set("params", json);
    requests.add(request);
    String key = key(method, json);
    Deque<JsonNode> queue = exchanges.get(key);
    if (queue == null || queue.isEmpty()) {
      List<String> sameMethod = exchanges.keySet().stream().filter(k -> k.startsWith(method + " ")).toList();
      throw new KinitroException(ErrorCode.CHAIN_REPLAY_UNMATCHED, "replay has no answer for " + key
          + (sameMethod.isEmpty() ? " (no exchange for this method at all)" : "; stored for this method: " + sameMethod));
    }
    used.put(key, queue.peek());
    return queue.size() > 1 ? queue.poll() : queue.peek();
  }

  private static JsonNode answer(String method, JsonNode exchange) {
    JsonNode error = exchange.get("error");
    if (error != null && !error.isNull()) {
      throw new JsonRpcException(method, error.path("code").asInt(), error.path("message").asString(""),
          error.get("data"));
    }
    return exchange.get("result");
  }

  private static String key(String method, JsonNode params) {
    return method + " " + (params == null || params.isMissingNode() ? "[]" : params.toString());
  }

  /** Builds a replay in code. */
  public static final class Builder {
    private final ArrayNode exchanges = JsonNodeFactory.instance.arrayNode();

    public Builder answer(String method, List<?> params, Object result) {
      ObjectNode exchange = exchange(method, params);
      exchange.set("result", JsonRpcCodec.MAPPER.valueToTree(result));
      return this;
    }

    public Builder fail(String method, List<?> params, int code, String message, Object data) {
      ObjectNode error = JsonNodeFactory.instance.objectNode();
      error.put("code", code);
      error.put("message", Objects.requireNonNull(message, "message"));
      if (data != null) {
        error.set("data", JsonRpcCodec.MAPPER.valueToTree(data));
      }
      exchange(method, params).set("error", error);
      return this;
    }

    public Builder subscription(String method, List<?> params, String subscriptionId, List<?> notifications) {
      ObjectNode exchange = exchange(method, params);
      exchange.put("result", subscriptionId);
      exchange.set("notifications", JsonRpcCodec.MAPPER.valueToTree(notifications));
      return this;
    }

    public ReplayTransport build() {
      ObjectNode fixture = JsonNodeFactory.instance.objectNode();
      fixture.set("exchanges", exchanges);
      return new ReplayTransport(fixture);
    }

    private ObjectNode exchange(String method, List<?> params) {
      ObjectNode exchange = exchanges.addObject();
      exchange.put("method", method);
      exchange.set("params", JsonRpcCodec.params(params));
      return exchange;
    }
  }
}
