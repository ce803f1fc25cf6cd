package ai.kinitro.common.scale;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads SCALE-encoded values, the inverse of {@link ScaleWriter}. Malformed input never escapes as
 * an {@link IndexOutOfBoundsException}: running out of bytes is {@link
 * ErrorCode#CHAIN_DATA_TRUNCATED}, and an invalid encoding (non-canonical compact, bool or option
 * tag other than 0/1, invalid UTF-8) is {@link ErrorCode#CHAIN_DATA_MALFORMED}.
 *
 * <p>{@link #zeroPadded(byte[])} mimics Substrate's {@code AppendZerosInput}: fixed-size reads past
 * the end yield zero bytes instead of failing. Length-prefixed reads ({@link #bytes()}, {@link
 * #sequence}) still require the declared number of bytes to be present, so a hostile length cannot
 * make us allocate or loop without bound.
 */
public final class ScaleReader {
  private static final BigInteger FOUR_BYTE_LIMIT = BigInteger.ONE.shiftLeft(30);

  private final byte[] data;
  private final boolean padWithZeros;
  private int position;

  private ScaleReader(byte[] data, boolean padWithZeros) {
    this.data = data.clone();
    this.padWithZeros = padWithZeros;
  }

  /** A reader that fails when the input ends early. */
  public static ScaleReader of(byte[] data) {
    return new ScaleReader(data, false);
  }

  /** A reader that treats missing trailing bytes as zeros (Substrate's {@code AppendZerosInput}). */
  public static ScaleReader zeroPadded(byte[] data) {
    return new ScaleReader(data, true);
  }

  /** Offset of the next byte to read. */
  public int position() {
    return position;
  }

  /** Real (not padded) bytes left to read. */
  public int remaining() {
    return Math.max(0, data.length - position);
  }

  /** All real bytes left, consuming them. */
  public byte[] readRest() {
    byte[] rest = Arrays.copyOfRange(data, Math.min(position, data.length), data.length);
    position = data.length;
    return rest;
  }

  /** Fails with {@link ErrorCode#CHAIN_DATA_MALFORMED} unless every byte has been read. */
  public void expectEnd(String what) {
    if (remaining() > 0) {
      throw malformed(what + " has " + remaining() + " unexpected trailing bytes at offset " + position);
    }
  }

  public int u8() {
    return take(1, "u8")[0] & 0xFF;
  }

  public int u16() {
    return (int) littleEndian(take(2, "u16"));
  }

  public long u32() {
    return littleEndian(take(4, "u32"));
  }

  /** The 64 bits of a u64; values above 2^63-1 come back negative (read them unsigned). */
  public long u64() {
    return littleEndian(take(8, "u64"));
  }

  public BigInteger u128() {
    return unsignedBig(take(16, "u128"));
  }

  public boolean bool() {
    int offset = position;
    int value = u8();
    return switch (value) {
      case 0 -> false;
      case 1 -> true;
      default -> throw malformed("byte 0x" + hexByte(value) + " at offset " + offset + " is not a bool (0x00 or 0x01)");
    };
  }

  /** A compact integer of any size, rejecting encodings that are not the shortest form. */
  public BigInteger compact() {
    int offset = position;
    int first = u8();
    return switch (first & 0b11) {
      case 0b00 -> BigInteger.valueOf(first >>> 2);
      case 0b01 -> {
        long value = ((first | ((long) u8() << 8)) >>> 2);
        yield canonical(value >= 1 << 6, value, offset);
      }
      case 0b10 -> {
        long value = (first | ((long) u8() << 8) | ((long) u16() << 16)) >>> 2;
        yield canonical(value >= 1 << 14, value, offset);
      }
      default -> {
        int length = (first >>> 2) + 4;
        byte[] raw = take(length, "compact integer");
        BigInteger value = unsignedBig(raw);
        boolean shortest = raw[length - 1] != 0 && value.compareTo(FOUR_BYTE_LIMIT) >= 0;
        if (!shortest) {
          throw nonCanonical(value, offset);
        }
        yield value;
      }
    };
  }

  /** A compact that must fit a u64; the result holds its 64 bits like {@link #u64()}. */
  public long compactU64() {
    int offset = position;
    BigInteger value = compact();
    if (value.bitLength() > 64) {
      throw malformed("compact integer " + value + " at offset " + offset + " is larger than a u64");
    }
    return value.longValue();
  }

  /** A compact that must fit a u32 (as for nonces, Compact&lt;u32&gt; fields and lengths). */
  public long compactU32() {
    int offset = position;
    BigInteger value = compact();
    if (value.bitLength() > 32) {
      throw malformed("compact integer " + value + " at offset " + offset + " is larger than a u32");
    }
    return value.longValue();
  }

  /** A compact length prefix; it must not exceed the real bytes left (each item takes one or more). */
  public int compactLength(String what) {
    int offset = position;
    long length = compactU32();
    if (length > remaining()) {
      throw truncated(what + " at offset " + offset + " declares " + length + " items/bytes but only "
          + remaining() + " bytes remain");
    }
    return (int) length;
  }

  /** A byte vector: compact length, then the bytes. */
  public byte[] bytes() {
    return take(compactLength("byte vector"), "byte vector");
  }

  /** Exactly {@code length} bytes with no prefix ({@code [u8; N]}). */
  public byte[] fixedBytes(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative: " + length);
    }
    return take(length, length + "-byte array");
  }

  /** A compact-length-prefixed UTF-8 string. */
  public String string() {
    int offset = position;
    byte[] raw = bytes();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw new KinitroException(
          ErrorCode.CHAIN_DATA_MALFORMED, "string at offset " + offset + " is not valid UTF-8", e);
    }
  }

  /** {@code Option<T>}: tag 0x00 is empty, 0x01 is followed by the value. */
  public <T> Optional<T> option(Function<ScaleReader, T> item) {
    int offset = position;
    int tag = u8();
    return switch (tag) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(item.apply(this));
      default -> throw malformed("byte 0x" + hexByte(tag) + " at offset " + offset + " is not an Option tag (0x00 or 0x01)");
    };
  }

  /** The one-byte variant index of an enum. */
  public int enumIndex() {
    return u8();
  }

  /** {@code Vec<T>}: compact count, then that many items. */
  public <T> List<T> sequence(Function<ScaleReader, T> item) {
    int count = compactLength("sequence");
    List<T> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(item.apply(this));
    }
    return Collections.unmodifiableList(items);
  }

  /** {@code Vec<u16>} as an int array. */
  public int[] u16Sequence() {
    int count = compactLength("u16 sequence");
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = u16();
    }
    return values;
  }

  private byte[] take(int length, String what) {
    int available = remaining();
    if (length > available && !padWithZeros) {
      throw truncated("needed " + length + " bytes for " + what + " at offset " + position + " but only "
          + available + " remain");
    }
    byte[] out = new byte[length];
    System.arraycopy(data, Math.min(position, data.length), out, 0, Math.min(length, available));
    position += length;
    return out;
  }

  private static long littleEndian(byte[] bytes) {
    long value = 0;
    for (int i = bytes.length - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }

  private static BigInteger unsignedBig(byte[] littleEndian) {
    byte[] bigEndian = new byte[littleEndian.length];
    for (int i = 0; i < littleEndian.length; i++) {
      bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  private static BigInteger canonical(boolean shortest, long value, int offset) {
    if (!shortest) {
      throw nonCanonical(BigInteger.valueOf(value), offset);
    }
    return BigInteger.valueOf(value);
  }

  private static KinitroException nonCanonical(BigInteger value, int offset) {
    return malformed("compact integer " + value + " at offset " + offset
        + " is not in its shortest encoding (SCALE requires canonical compacts)");
  }

  private static String hexByte(int value) {
    return String.format("%02x", value);
  }

  private static KinitroException malformed(String message) {
    return new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "SCALE decoding failed: " + message);
  }

  private static KinitroException truncated(String message) {
    return new KinitroException(ErrorCode.CHAIN_DATA_TRUNCATED, "SCALE decoding failed: " + message);
  }
}
