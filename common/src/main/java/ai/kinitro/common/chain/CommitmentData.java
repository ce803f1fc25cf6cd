package ai.kinitro.common.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import ai.kinitro.common.scale.ScaleWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One field of a Commitments-pallet commitment (the pallet's {@code Data} enum). Its SCALE form is
 * custom: the first byte is a tag, and {@code Raw} carries its length in the tag itself.
 *
 * <table>
 *   <caption>Tags</caption>
 *   <tr><td>0x00</td><td>{@link None}</td></tr>
 *   <tr><td>0x01..0x81</td><td>{@link Raw}, length = tag - 1 (0..128), bytes follow with no length</td></tr>
 *   <tr><td>0x82..0x85</td><td>{@link Hash}: BlakeTwo256, Sha256, Keccak256, ShaThree256; 32 bytes</td></tr>
 *   <tr><td>0x86</td><td>{@link TimelockEncrypted}: compact length, bytes (at most 1024), u64 reveal round</td></tr>
 *   <tr><td>0x87</td><td>{@link ResetBondsFlag}</td></tr>
 *   <tr><td>0x88</td><td>{@link BigRaw}: compact length, bytes (at most 512)</td></tr>
 * </table>
 */
public sealed interface CommitmentData {
  int MAX_RAW = 128;
  int MAX_TIMELOCK_ENCRYPTED = 1024;
  int MAX_BIG_RAW = 512;
  int HASH_LENGTH = 32;

  /** Appends this field's SCALE encoding. */
  void write(ScaleWriter writer);

  /** This field's SCALE encoding on its own. */
  default byte[] toBytes() {
    ScaleWriter writer = new ScaleWriter();
    write(writer);
    return writer.toByteArray();
  }

  /** A {@link Raw} field holding {@code text} as UTF-8 (what the Python SDK's set_commitment sends). */
  static Raw raw(String text) {
    return new Raw(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads one field. */
  static CommitmentData read(ScaleReader reader) {
    int offset = reader.position();
    int tag = reader.u8();
    if (tag >= 0x01 && tag <= 0x01 + MAX_RAW) {
      return new Raw(reader.fixedBytes(tag - 1));
    }
    return switch (tag) {
      case 0x00 -> new None();
      case 0x82, 0x83, 0x84, 0x85 -> new Hash(Hash.Algorithm.fromTag(tag), reader.fixedBytes(HASH_LENGTH));
      case 0x86 -> {
        byte[] encrypted = reader.bytes();
        requireDecodedBound("TimelockEncrypted", encrypted.length, MAX_TIMELOCK_ENCRYPTED, offset);
        yield new TimelockEncrypted(encrypted, reader.u64());
      }
      case 0x87 -> new ResetBondsFlag();
      case 0x88 -> {
        byte[] bytes = reader.bytes();
        requireDecodedBound("BigRaw", bytes.length, MAX_BIG_RAW, offset);
        yield new BigRaw(bytes);
      }
      default -> throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, String.format(
          "commitment field at offset %d has tag 0x%02x, which is not a known Data variant (0x00..0x88)", offset, tag));
    };
  }

  private static void requireDecodedBound(String variant, int length, int max, int offset) {
    if (length > max) {
      throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED,
          variant + " commitment field at offset " + offset + " holds " + length + " bytes; the chain allows " + max);
    }
  }

  private static byte[] bounded(String variant, byte[] bytes, int max) {
    Objects.requireNonNull(bytes, variant);
    if (bytes.length > max) {
      throw new KinitroException(ErrorCode.COMMITMENT_TOO_LARGE,
          variant + " commitment field holds " + bytes.length + " bytes; the chain allows at most " + max
              + ". Shorten the data or use another variant");
    }
    return bytes.clone();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** No data (tag 0x00). */
  record None() implements CommitmentData {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(0x00);
    }
  }

  /** Up to 128 raw bytes; the tag is {@code length + 1}. */
  record Raw(byte[] bytes) implements CommitmentData {
    public Raw {
      bytes = bounded("Raw", bytes, MAX_RAW);
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The bytes as UTF-8, dropping invalid sequences (as the Python SDK's decode_metadata does). */
    public String text() {
      return ChainText.utf8Lenient(bytes);
    }

    @Override
    public void write(ScaleWriter writer) {
      writer.u8(bytes.length + 1).fixedBytes(bytes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Raw that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Raw[" + hex(bytes) + "]";
    }
  }

  /** A 32-byte digest of data kept elsewhere. */
  record Hash(Algorithm algorithm, byte[] digest) implements CommitmentData {
    /** The four hash variants and their tags. */
    public enum Algorithm {
      BLAKE_TWO_256(0x82),
      SHA_256(0x83),
      KECCAK_256(0x84),
      SHA_THREE_256(0x85);

      private final int tag;

      Algorithm(int tag) {
        this.tag = tag;
      }

      public int tag() {
        return tag;
      }

      static Algorithm fromTag(int tag) {
        for (Algorithm algorithm : values()) {
          if (algorithm.tag == tag) {
            return algorithm;
          }
        }
        throw new IllegalArgumentException("not a hash tag: " + tag);
      }
    }

    public Hash {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(digest, "digest");
      if (digest.length != HASH_LENGTH) {
        throw new KinitroException(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE,
            "a commitment hash is " + HASH_LENGTH + " bytes but " + digest.length + " were given");
      }
      digest = digest.clone();
    }

    @Override
    public byte[] digest() {
      return digest.clone();
    }

    @Override
    public void write(ScaleWriter writer) {
      writer.u8(algorithm.tag()).fixedBytes(digest);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Hash that && algorithm == that.algorithm && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
      return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
      return "Hash[" + algorithm + ", " + hex(digest) + "]";
    }
  }

  /** Drand-timelock-encrypted bytes (at most 1024) that the chain reveals at {@code revealRound}. */
  record TimelockEncrypted(byte[] encrypted, long revealRound) implements CommitmentData {
    public TimelockEncrypted {
      encrypted = bounded("TimelockEncrypted", encrypted, MAX_TIMELOCK_ENCRYPTED);
    }

    @Override
    public byte[] encrypted() {
      return encrypted.clone();
    }

    @Override
    public void write(ScaleWriter writer) {
      writer.u8(0x86).bytes(encrypted).u64(revealRound);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TimelockEncrypted that
          && revealRound == that.revealRound && Arrays.equals(encrypted, that.encrypted);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(revealRound) + Arrays.hashCode(encrypted);
    }

    @Override
    public String toString() {
      return "TimelockEncrypted[" + hex(encrypted) + ", revealRound=" + Long.toUnsignedString(revealRound) + "]";
    }
  }

  /** Asks the chain to reset the committer's bonds (tag 0x87). */
  record ResetBondsFlag() implements CommitmentData {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(0x87);
    }
  }

  /** Up to 512 raw bytes with a compact length (tag 0x88). */
  record BigRaw(byte[] bytes) implements CommitmentData {
    public BigRaw {
      bytes = bounded("BigRaw", bytes, MAX_BIG_RAW);
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public void write(ScaleWriter writer) {
      writer.u8(0x88).bytes(bytes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BigRaw that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "BigRaw[" + hex(bytes) + "]";
    }
  }
}
