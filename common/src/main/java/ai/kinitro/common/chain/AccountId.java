package ai.kinitro.common.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import ai.kinitro.common.scale.ScaleWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A Substrate account id: the 32-byte sr25519 public key (SS58 is handled elsewhere). */
public record AccountId(byte[] bytes) {
  public static final int LENGTH = 32;

  public AccountId {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "an account id is " + LENGTH + " bytes but " + bytes.length + " were given");
    }
    bytes = bytes.clone();
  }

  /** Parses 64 hex digits, with or without a {@code 0x} prefix. */
  public static AccountId fromHex(String hex) {
    String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
    try {
      return new AccountId(HexFormat.of().parseHex(digits));
    } catch (IllegalArgumentException e) {
      throw new KinitroException(ErrorCode.INVALID_KEY, "an account id must be 64 hex digits", e);
    }
  }

  public static AccountId read(ScaleReader reader) {
    return new AccountId(reader.fixedBytes(LENGTH));
  }

  public void write(ScaleWriter writer) {
    writer.fixedBytes(bytes);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccountId that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** {@code 0x} and 64 lowercase hex digits. */
  @Override
  public String toString() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}
