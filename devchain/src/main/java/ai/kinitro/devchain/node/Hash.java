package ai.kinitro.devchain.node;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A 32-byte block or extrinsic hash, usable as a map key, written as {@code 0x} + 64 hex digits. */
public record Hash(byte[] bytes) {
  public Hash {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != 32) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "a hash is 32 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** Parses {@code 0x} + 64 hex digits. */
  public static Hash fromHex(String hex) {
    String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
    try {
      return new Hash(HexFormat.of().parseHex(digits));
    } catch (IllegalArgumentException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'" + hex + "' is not a 32-byte hex hash", e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public String toHex() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
