package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * One step of a Substrate derivation path: {@code //code} (hard) or {@code /code} (soft), reduced
 * to a 32-byte chain code. The code is SCALE-encoded first, as sp-core does: a u64 (8 bytes,
 * little-endian) if it parses as an unsigned decimal number, otherwise a string (compact length
 * prefix and UTF-8). Encodings up to 32 bytes are zero-padded; longer ones are BLAKE2b-256 hashed.
 *
 * @param hard whether this is a hard junction ({@code //})
 * @param chainCode the 32-byte chain code
 */
public record DeriveJunction(boolean hard, byte[] chainCode) {
  public static final int CHAIN_CODE_BYTES = 32;

  public DeriveJunction {
    Objects.requireNonNull(chainCode, "chainCode");
    if (chainCode.length != CHAIN_CODE_BYTES) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "A derivation chain code must be 32 bytes, got " + chainCode.length);
    }
    chainCode = chainCode.clone();
  }

  /** The hard junction {@code //code}. */
  public static DeriveJunction hard(String code) {
    return new DeriveJunction(true, chainCodeOf(code));
  }

  /** The soft junction {@code /code}. */
  public static DeriveJunction soft(String code) {
    return new DeriveJunction(false, chainCodeOf(code));
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** The chain code of a junction's text, per the rules in the class comment. */
  public static byte[] chainCodeOf(String code) {
    Objects.requireNonNull(code, "code");
    byte[] encoded = scaleEncode(code);
    if (encoded.length > CHAIN_CODE_BYTES) {
      return Hashing.blake2b256(encoded);
    }
    return Arrays.copyOf(encoded, CHAIN_CODE_BYTES);
  }

  private static byte[] scaleEncode(String code) {
    Long number = parseU64(code);
    if (number != null) {
      long v = number;
      byte[] out = new byte[8];
      for (int i = 0; i < 8; i++) {
        out[i] = (byte) v;
        v >>>= 8;
      }
      return out;
    }
    byte[] utf8 = code.getBytes(UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 5);
    writeCompactLength(out, utf8.length);
    out.writeBytes(utf8);
    return out.toByteArray();
  }

  /** Rust's {@code str::parse::<u64>}: ASCII digits with an optional leading '+', no overflow. */
  private static Long parseU64(String code) {
    String digits = code.startsWith("+") ? code.substring(1) : code;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    try {
      return Long.parseUnsignedLong(digits);
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  private static void writeCompactLength(ByteArrayOutputStream out, int length) {
    if (length < 1 << 6) {
      out.write(length << 2);
    } else if (length < 1 << 14) {
      int v = (length << 2) | 1;
      out.write(v);
      out.write(v >>> 8);
    } else if (length < 1 << 30) {
      int v = (length << 2) | 2;
      out.write(v);
      out.write(v >>> 8);
      out.write(v >>> 16);
      out.write(v >>> 24);
    } else {
      out.write(3); // big-integer mode: (4 - 4) << 2 | 3, then four little-endian bytes
      out.write(length);
      out.write(length >>> 8);
      out.write(length >>> 16);
      out.write(length >>> 24);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeriveJunction that && hard == that.hard && Arrays.equals(chainCode, that.chainCode);
  }

  @Override
  public int hashCode() {
    return 31 * Boolean.hashCode(hard) + Arrays.hashCode(chainCode);
  }

  /** Shows only the kind: a short chain code spells out the junction name, which may be private. */
  @Override
  public String toString() {
    return "DeriveJunction[" + (hard ? "hard" : "soft") + "]";
  }
}
