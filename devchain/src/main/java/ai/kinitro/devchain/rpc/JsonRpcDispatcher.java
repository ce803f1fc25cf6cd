package ai.kinitro.devchain.rpc;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns JSON-RPC 2.0 text into answers: single requests and batches, notifications (no id, no
 * answer), parse errors (-32700), invalid requests (-32600), unknown methods (-32601), bad params
 * (-32602) and unexpected failures (-32603, logged).
 */
final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final RpcMethods methods;

  JsonRpcDispatcher(RpcMethods methods) {
    this.methods = Objects.requireNonNull(methods, "methods");
  }

  /** The answer to {@code text}, or {@code null} when nothing is to be answered (notifications only). */
  String handle(String text, RpcSession session) {
    JsonNode request;
    try {
      request = JSON.readTree(text);
    } catch (JacksonException e) {
      return JSON.writeValueAsString(error(NODES.nullNode(), RpcError.of(RpcError.PARSE_ERROR, "Parse error")));
    }
    if (request != null && request.isArray()) {
      if (request.isEmpty()) {
        return JSON.writeValueAsString(error(NODES.nullNode(), RpcError.of(RpcError.INVALID_REQUEST, "Invalid request")));
      }
      ArrayNode answers = NODES.arrayNode();
      for (JsonNode item : request) {
        JsonNode answer = one(item, session);
        if (answer != null) {
          answers.add(answer);
        }
      }
      return answers.isEmpty() ? null : JSON.writeValueAsString(answers);
    }
    JsonNode answer = one(request, session);
    return answer == null ? null : JSON.writeValueAsString(answer);
  }

  private JsonNode one(JsonNode request, RpcSession session) {
    if (request == null || !request.isObject() || !request.path("method").isString()) {
      JsonNode id = request != null && request.isObject() && request.has("id") ? request.get("id") : NODES.nullNode();
      return error(id, RpcError.of(RpcError.INVALID_REQUEST, "Invalid request"));
    }
    boolean notification = !request.has("id");
    JsonNode id = notification ? NODES.nullNode() : request.get("id");
    String method = request.get("method").stringValue();
    JsonNode params = request.get("params");
    if (params != null && !params.isNull() && !params.isArray()) {
      return notification ? null : error(id, RpcError.invalidParams("params must be an array (positional)"));
    }
    RpcMethods.Outcome outcome;
    try {
      outcome = methods.call(method, new Params(params == null || params.isNull() ? null : params), session);
    } catch (RuntimeException e) {
      LOG.warn("{} failed", method, e);
      outcome = new RpcMethods.Outcome.Err(RpcError.of(RpcError.INTERNAL_ERROR, "Internal error"));
    }
    if (notification) {
      return null;
    }
    return switch (outcome) {
      case RpcMethods.Outcome.Ok ok -> {
        ObjectNode o = NODES.objectNode().put("jsonrpc", "2.0");
        o.set("result", ok.result());
        o.set("id", id);
        yield o;
      }
      case RpcMethods.Outcome.Err err -> error(id, err.error());
    };
  }

  private static ObjectNode error(JsonNode id, RpcError error) {
    ObjectNode o = NODES.objectNode().put("jsonrpc", "2.0");
    ObjectNode e = o.putObject("error").put("code", error.code()).put("message", error.message());
    error.data().ifPresent(d -> e.put("data", d));
    o.set("id", id);
    return o;
  }

  static String notification(String method, String subscription, JsonNode result) {
    ObjectNode o = NODES.objectNode().put("jsonrpc", "2.0").put("method", method);
    ObjectNode params = o.putObject("params").put("subscription", subscription);
    params.set("result", result);
    return JSON.writeValueAsString(o);
  }
}
