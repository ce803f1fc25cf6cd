package ai.kinitro.devchain.rpc;

import ai.kinitro.devchain.node.Hash;
import ai.kinitro.devchain.runtime.Rejection;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON-RPC error answer: the standard codes (-32700..-32603) and substrate's own (1001/1010-1016
 * author errors, 4003 state client errors).
 *
 * @param data the {@code data} member, if any (a string here, as substrate sends it)
 */
public record RpcError(int code, String message, Optional<String> data) {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  /** substrate's state "client error" (base 4000 + 3). */
  public static final int STATE_CLIENT_ERROR = 4003;
  /** The dev chain's own code for a refused {@code dev_*} call. */
  public static final int DEV_CALL_REJECTED = 9000;

  public RpcError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(data, "data");
  }

  public static RpcError of(int code, String message) {
    return new RpcError(code, message, Optional.empty());
  }

  public static RpcError methodNotFound(String method) {
    return new RpcError(METHOD_NOT_FOUND, "Method not found", Optional.of("no method " + method));
  }

  public static RpcError invalidParams(String detail) {
    return new RpcError(INVALID_PARAMS, "Invalid params", Optional.of(detail));
  }

  public static RpcError fromRejection(Rejection rejection) {
    return new RpcError(rejection.rpcCode(), rejection.rpcMessage(), rejection.data());
  }

  public static RpcError unknownBlock(Hash hash) {
    return of(STATE_CLIENT_ERROR, "Client error: UnknownBlock: Header was not found in the database: " + hash);
  }

  public static RpcError stateDiscarded(Hash hash) {
    return of(STATE_CLIENT_ERROR, "Client error: State already discarded for " + hash);
  }

  public static RpcError subscriptionsUnsupported(String method) {
    return new RpcError(METHOD_NOT_FOUND, "Method not found",
        Optional.of(method + " needs a subscription; connect over WebSocket"));
  }
}
