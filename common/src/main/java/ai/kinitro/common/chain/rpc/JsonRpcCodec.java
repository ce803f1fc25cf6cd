package ai.kinitro.common.chain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 framing shared by the transports (and by a server speaking the same protocol). */
public final class JsonRpcCodec {
  /** The mapper every transport uses. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private JsonRpcCodec() {}

  /** The positional parameters as a JSON array. */
  public static ArrayNode params(List<?> params) {
    if (params == null) {
      return JsonNodeFactory.instance.arrayNode();
    }
    JsonNode node = MAPPER.valueToTree(params);
    return (ArrayNode) node;
  }

  /** {@code {"jsonrpc":"2.0","id":id,"method":method,"params":[...]}}. */
  public static ObjectNode request(long id, String method, List<?> params) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    request.set("params", params(params));
    return request;
  }

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "the chain node sent text that is not JSON: "
          + abbreviate(text), e);
    }
  }

  /** The {@code result} of a response, or the {@link JsonRpcException} its {@code error} describes. */
  public static JsonNode resultOrThrow(String method, JsonNode response) {
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      throw new JsonRpcException(method, error.path("code").asInt(0), error.path("message").asString(""),
          error.get("data"));
    }
    if (!response.has("result")) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR,
          "the chain node's answer to " + method + " has neither result nor error: " + abbreviate(response.toString()));
    }
    return response.get("result");
  }

  static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
