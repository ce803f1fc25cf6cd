package ai.kinitro.common.scale;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Appends SCALE-encoded values to a growing buffer. Every method returns {@code this} so values can
 * be chained in field order. Integers are little-endian; "compact" is SCALE's variable-length
 * unsigned integer. Values outside the range of the target type are refused with {@link
 * ErrorCode#CHAIN_VALUE_OUT_OF_RANGE} rather than silently truncated.
 */
public final class ScaleWriter {
  /** The largest value a compact integer can hold: 67 bytes in big-integer mode. */
  public static final BigInteger MAX_COMPACT = BigInteger.ONE.shiftLeft(536).subtract(BigInteger.ONE);

  private static final long SINGLE_BYTE_LIMIT = 1L << 6;
  private static final long TWO_BYTE_LIMIT = 1L << 14;
  private static final long FOUR_BYTE_LIMIT = 1L << 30;
  private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

  private byte[] buffer;
  private int size;

  public ScaleWriter() {
    this(64);
  }

  public ScaleWriter(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** Runs {@code body} on a fresh writer and returns the bytes it wrote. */
  public static byte[] encode(Consumer<ScaleWriter> body) {
    ScaleWriter writer = new ScaleWriter();
    body.accept(writer);
    return writer.toByteArray();
  }

  /** The SCALE compact encoding of {@code value} on its own. */
  public static byte[] compactBytes(long value) {
    return new ScaleWriter(9).compact(value).toByteArray();
  }

  /** Number of bytes written so far. */
  public int size() {
    return size;
  }

  /** A copy of everything written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  public ScaleWriter u8(int value) {
    requireRange("u8", value, 0, 0xFF);
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public ScaleWriter u16(int value) {
    requireRange("u16", value, 0, 0xFFFF);
    return littleEndian(value, 2);
  }

  public ScaleWriter u32(long value) {
    requireRange("u32", value, 0, 0xFFFF_FFFFL);
    return littleEndian(value, 4);
  }

  /**
   * Writes the 64 bits of {@code bits} as an unsigned u64. Values above {@link Long#MAX_VALUE} are
   * passed as their negative two's-complement twin (as {@link Long#toUnsignedString} shows them).
   */
  public ScaleWriter u64(long bits) {
    return littleEndian(bits, 8);
  }

  public ScaleWriter u128(BigInteger value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(U128_LIMIT) >= 0) {
      throw outOfRange("u128", value.toString());
    }
    return littleEndian(value, 16);
  }

  public ScaleWriter bool(boolean value) {
    return u8(value ? 1 : 0);
  }

  /** Writes a non-negative {@code value} in the shortest of the four compact modes. */
  public ScaleWriter compact(long value) {
    if (value < 0) {
      throw outOfRange("compact", Long.toString(value));
    }
    if (value < SINGLE_BYTE_LIMIT) {
      return u8((int) (value << 2));
    }
    if (value < TWO_BYTE_LIMIT) {
      return littleEndian((value << 2) | 0b01, 2);
    }
    if (value < FOUR_BYTE_LIMIT) {
      return littleEndian((value << 2) | 0b10, 4);
    }
    return compactBig(BigInteger.valueOf(value));
  }

  /** Writes the 64 bits of {@code bits} as an unsigned compact (for u64 values above 2^63-1). */
  public ScaleWriter compactUnsigned(long bits) {
    return bits >= 0 ? compact(bits) : compactBig(new BigInteger(Long.toUnsignedString(bits)));
  }

  /** Writes {@code value} (0 to 2^536-1) in the shortest compact mode. */
  public ScaleWriter compact(BigInteger value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(MAX_COMPACT) > 0) {
      throw outOfRange("compact", value.toString());
    }
    if (value.bitLength() < 31) {
      return compact(value.longValueExact());
    }
    return compactBig(value);
  }

  private ScaleWriter compactBig(BigInteger value) {
    int length = Math.max(4, (value.bitLength() + 7) / 8);
    u8(((length - 4) << 2) | 0b11);
    return littleEndian(value, length);
  }

  /** A byte vector: compact length, then the bytes. */
  public ScaleWriter bytes(byte[] value) {
    compact(value.length);
    return fixedBytes(value);
  }

  /** Bytes with no length prefix, as for {@code [u8; N]} or an already encoded value. */
  public ScaleWriter fixedBytes(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
    return this;
  }

  /** Bytes with no length prefix that must be exactly {@code length} long. */
  public ScaleWriter fixedBytes(byte[] value, int length) {
    if (value.length != length) {
      throw new KinitroException(
          ErrorCode.CHAIN_VALUE_OUT_OF_RANGE,
          "expected exactly " + length + " bytes for a fixed-size array but got " + value.length);
    }
    return fixedBytes(value);
  }

  /** A string as UTF-8 bytes with a compact length. */
  public ScaleWriter string(String value) {
    return bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code Option<T>}: 0x00 for empty, otherwise 0x01 and the value. */
  public <T> ScaleWriter option(Optional<T> value, BiConsumer<ScaleWriter, ? super T> item) {
    if (value.isEmpty()) {
      return u8(0);
    }
    u8(1);
    item.accept(this, value.get());
    return this;
  }

  /** The one-byte index that starts an enum variant; write the variant's fields after it. */
  public ScaleWriter enumIndex(int index) {
    return u8(index);
  }

  /** {@code Vec<T>}: compact count, then each item through {@code item}. */
  public <T> ScaleWriter sequence(Collection<? extends T> items, BiConsumer<ScaleWriter, ? super T> item) {
    compact(items.size());
    for (T each : items) {
      item.accept(this, each);
    }
    return this;
  }

  /** {@code Vec<u16>} from an int array (each value must fit a u16). */
  public ScaleWriter u16Sequence(int[] values) {
    compact(values.length);
    for (int value : values) {
      u16(value);
    }
    return this;
  }

  private ScaleWriter littleEndian(long value, int length) {
    ensure(length);
    for (int i = 0; i < length; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  private ScaleWriter littleEndian(BigInteger value, int length) {
    byte[] bigEndian = value.toByteArray();
    ensure(length);
    for (int i = 0; i < length; i++) {
      int from = bigEndian.length - 1 - i;
      buffer[size++] = from >= 0 ? bigEndian[from] : 0;
    }
    return this;
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }

  private static void requireRange(String type, long value, long min, long max) {
    if (value < min || value > max) {
      throw outOfRange(type, Long.toString(value));
    }
  }

  private static KinitroException outOfRange(String type, String value) {
    return new KinitroException(
        ErrorCode.CHAIN_VALUE_OUT_OF_RANGE, value + " does not fit a SCALE " + type + "; check the value before encoding");
  }
}
