package ai.kinitro.common.chain;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.function.UnaryOperator;

/**
 * The hashers a storage map applies to each key, with the code metadata V14 uses for them. The
 * "Concat" hashers append the SCALE key after the hash so keys can be recovered from storage keys.
 */
public enum StorageHasher {
  BLAKE2_128(0, Hashing::blake2b128, false),
  BLAKE2_256(1, Hashing::blake2b256, false),
  BLAKE2_128_CONCAT(2, Hashing::blake2b128, true),
  TWOX_128(3, Hashing::twox128, false),
  TWOX_256(4, Hashing::twox256, false),
  TWOX_64_CONCAT(5, Hashing::twox64, true),
  IDENTITY(6, key -> new byte[0], true);

  private final int code;
  private final UnaryOperator<byte[]> hash;
  private final boolean concat;

  StorageHasher(int code, UnaryOperator<byte[]> hash, boolean concat) {
    this.code = code;
    this.hash = hash;
    this.concat = concat;
  }

  /** The hasher's number in metadata ({@code StorageHasher} enum index). */
  public int code() {
    return code;
  }

  /** True when the raw key follows the hash, so it can be read back from a storage key. */
  public boolean keepsKey() {
    return concat;
  }

  /** The bytes this hasher contributes to a storage key for the SCALE-encoded {@code key}. */
  public byte[] apply(byte[] key) {
    byte[] digest = hash.apply(key);
    if (!concat) {
      return digest;
    }
    byte[] out = new byte[digest.length + key.length];
    System.arraycopy(digest, 0, out, 0, digest.length);
    System.arraycopy(key, 0, out, digest.length, key.length);
    return out;
  }

  /** The hasher with metadata code {@code code}. */
  public static StorageHasher fromCode(int code) {
    for (StorageHasher hasher : values()) {
      if (hasher.code == code) {
        return hasher;
      }
    }
    throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED,
        "metadata names storage hasher " + code + ", which is not one of 0..6");
  }
}
