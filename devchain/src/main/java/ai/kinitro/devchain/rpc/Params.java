package ai.kinitro.devchain.rpc;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.devchain.node.Hash;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Positional JSON-RPC parameters. A missing or malformed parameter fails with {@link
 * ErrorCode#INVALID_ARGUMENT}, which the dispatcher answers as -32602 "Invalid params".
 */
final class Params {
  private final JsonNode array;

  Params(JsonNode array) {
    this.array = array;
  }

  int size() {
    return array == null ? 0 : array.size();
  }

  Optional<JsonNode> get(int index) {
    if (array == null || index >= array.size() || array.get(index).isNull()) {
      return Optional.empty();
    }
    return Optional.of(array.get(index));
  }

  JsonNode required(int index, String what) {
    return get(index).orElseThrow(() -> invalid("parameter " + index + " (" + what + ") is missing"));
  }

  String requiredText(int index, String what) {
    JsonNode node = required(index, what);
    if (!node.isString()) {
      throw invalid("parameter " + index + " (" + what + ") must be a string");
    }
    return node.stringValue();
  }

  /** A {@code 0x} hex byte string ({@code "0x"} alone is empty). */
  byte[] requiredBytes(int index, String what) {
    return bytes(requiredText(index, what), what);
  }

  Optional<byte[]> optionalBytes(int index, String what) {
    return get(index).map(n -> {
      if (!n.isString()) {
        throw invalid("parameter " + index + " (" + what + ") must be a hex string");
      }
      return bytes(n.stringValue(), what);
    });
  }

  /** An optional block hash ({@code at}). */
  Optional<Hash> optionalHash(int index) {
    return get(index).map(n -> {
      if (!n.isString()) {
        throw invalid("parameter " + index + " (block hash) must be a 0x hex string");
      }
      byte[] bytes = bytes(n.stringValue(), "block hash");
      if (bytes.length != 32) {
        throw invalid("a block hash is 32 bytes; '" + n.stringValue() + "' is " + bytes.length);
      }
      return new Hash(bytes);
    });
  }

  static byte[] bytes(String text, String what) {
    if (!text.startsWith("0x")) {
      throw invalid(what + " must start with 0x");
    }
    try {
      return HexFormat.of().parseHex(text.substring(2));
    } catch (IllegalArgumentException e) {
      throw invalid(what + " '" + text + "' is not valid hex");
    }
  }

  /** A block number given as a JSON number, a {@code 0x} hex string or a decimal string. */
  static long blockNumber(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
      return node.longValue();
    }
    if (node.isString()) {
      String text = node.stringValue();
      try {
        return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseUnsignedLong(text);
      } catch (NumberFormatException e) {
        throw invalid("'" + text + "' is not a block number");
      }
    }
    throw invalid("a block number must be a number or a hex string, not " + node);
  }

  static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
