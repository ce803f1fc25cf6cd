package ai.kinitro.common.chain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC error answer, with the node's own code, message and data kept verbatim (for example
 * code 1010, "Invalid Transaction", data "Custom error: 6"). Its {@link #code()} is {@link
 * ErrorCode#CHAIN_RPC_ERROR} unless a caller mapped it to something more specific.
 */
public class JsonRpcException extends KinitroException {
  private final int rpcCode;
  private final String rpcMessage;
  private final transient JsonNode data;

  public JsonRpcException(String method, int rpcCode, String rpcMessage, JsonNode data) {
    this(ErrorCode.CHAIN_RPC_ERROR, method, rpcCode, rpcMessage, data);
  }

  public JsonRpcException(ErrorCode code, String method, int rpcCode, String rpcMessage, JsonNode data) {
    super(code, "the chain node answered " + method + " with error " + rpcCode + " (" + rpcMessage + ")"
        + (data == null || data.isNull() || data.isMissingNode() ? "" : ": " + describe(data)));
    this.rpcCode = rpcCode;
    this.rpcMessage = Objects.requireNonNullElse(rpcMessage, "");
    this.data = data;
  }

  /** The JSON-RPC {@code error.code}. */
  public int rpcCode() {
    return rpcCode;
  }

  /** The JSON-RPC {@code error.message}. */
  public String rpcMessage() {
    return rpcMessage;
  }

  /** The JSON-RPC {@code error.data}, if the node sent any. */
  public Optional<JsonNode> data() {
    return Optional.ofNullable(data).filter(d -> !d.isNull() && !d.isMissingNode());
  }

  /** {@code error.data} as text (a string's value, anything else as JSON), or "". */
  public String dataText() {
    return data().map(JsonRpcException::describe).orElse("");
  }

  private static String describe(JsonNode data) {
    return data.isString() ? data.asString() : data.toString();
  }
}
