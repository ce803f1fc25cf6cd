package ai.kinitro.common.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The hash functions Substrate and Kinitro use: BLAKE2b at several lengths, xxHash64 and the
 * "twox" storage hashers built from it, and SHA-256/SHA-512 from the JDK.
 */
public final class Hashing {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private Hashing() {}

  /** BLAKE2b with an output of {@code bits} bits (a multiple of 8, at most 512), unkeyed. */
  public static byte[] blake2b(int bits, byte[]... parts) {
    Blake2bDigest digest = new Blake2bDigest(bits);
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[bits / 8];
    digest.doFinal(out, 0);
    return out;
  }

  public static byte[] blake2b128(byte[] data) {
    return blake2b(128, data);
  }

  public static byte[] blake2b256(byte[] data) {
    return blake2b(256, data);
  }

  public static byte[] blake2b512(byte[] data) {
    return blake2b(512, data);
  }

  public static byte[] sha256(byte[] data) {
    return jdk("SHA-256", data);
  }

  public static byte[] sha512(byte[] data) {
    return jdk("SHA-512", data);
  }

  /** xxHash64 of {@code data} with the given seed. */
  public static long xxh64(byte[] data, long seed) {
    ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    int len = data.length;
    long h;
    if (len >= 32) {
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      while (in.remaining() >= 32) {
        v1 = round(v1, in.getLong());
        v2 = round(v2, in.getLong());
        v3 = round(v3, in.getLong());
        v4 = round(v4, in.getLong());
      }
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = seed + P5;
    }
    h += len;
    while (in.remaining() >= 8) {
      h ^= round(0, in.getLong());
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    if (in.remaining() >= 4) {
      h ^= (in.getInt() & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
    }
    while (in.hasRemaining()) {
      h ^= (in.get() & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  /** Substrate's {@code Twox64Concat} prefix: xxHash64 with seed 0, little-endian. */
  public static byte[] twox64(byte[] data) {
    return twox(data, 1);
  }

  /** Substrate's {@code Twox128}: xxHash64 with seeds 0 and 1, each little-endian, concatenated. */
  public static byte[] twox128(byte[] data) {
    return twox(data, 2);
  }

  /** Substrate's {@code Twox256}: seeds 0..3. */
  public static byte[] twox256(byte[] data) {
    return twox(data, 4);
  }

  private static byte[] twox(byte[] data, int lanes) {
    ByteBuffer out = ByteBuffer.allocate(lanes * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int seed = 0; seed < lanes; seed++) {
      out.putLong(xxh64(data, seed));
    }
    return out.array();
  }

  private static long round(long acc, long lane) {
    acc += lane * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long merge(long acc, long v) {
    acc ^= round(0, v);
    return acc * P1 + P4;
  }

  private static byte[] jdk(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
