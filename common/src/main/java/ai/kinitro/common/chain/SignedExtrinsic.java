package ai.kinitro.common.chain;

import ai.kinitro.common.crypto.Hashing;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A complete signed extrinsic, length prefix included, ready for {@code author_submitExtrinsic}.
 *
 * @param encoded the whole encoding
 */
public record SignedExtrinsic(byte[] encoded) {
  public SignedExtrinsic {
    encoded = Objects.requireNonNull(encoded, "encoded").clone();
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  /** {@code 0x}-prefixed hex, as {@code author_submitExtrinsic} takes it. */
  public String toHex() {
    return "0x" + HexFormat.of().formatHex(encoded);
  }

  /** The extrinsic hash the node reports: blake2b-256 of the whole encoding. */
  public byte[] hash() {
    return Hashing.blake2b256(encoded);
  }

  public String hashHex() {
    return "0x" + HexFormat.of().formatHex(hash());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedExtrinsic that && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "SignedExtrinsic[" + toHex() + "]";
  }
}
