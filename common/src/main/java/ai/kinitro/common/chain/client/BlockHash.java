package ai.kinitro.common.chain.client;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A 32-byte block hash. */
public record BlockHash(byte[] bytes) {
  public BlockHash {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != 32) {
      throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "a block hash is 32 bytes but " + bytes.length + " were given");
    }
    bytes = bytes.clone();
  }

  /** Parses {@code 0x} and 64 hex digits. */
  public static BlockHash fromHex(String hex) {
    String digits = hex != null && hex.startsWith("0x") ? hex.substring(2) : String.valueOf(hex);
    try {
      return new BlockHash(HexFormat.of().parseHex(digits));
    } catch (IllegalArgumentException e) {
      throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "not a block hash: " + hex, e);
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
    return other instanceof BlockHash that && Arrays.equals(bytes, that.bytes);
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
