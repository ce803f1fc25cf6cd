package ai.kinitro.common.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import ai.kinitro.common.scale.ScaleWriter;

/**
 * A transaction's validity window (the {@code CheckMortality} extension). Immortal is one zero
 * byte; mortal is two bytes: {@code clamp(trailingZeros(period) - 1, 1, 15) | (phase / q) << 4},
 * little-endian, with {@code q = max(period >> 12, 1)}.
 *
 * @param period a power of two between 4 and 65536, or 0 for immortal
 * @param phase {@code birthBlock % period}, quantised to a multiple of {@code q} (0 for immortal)
 */
public record Era(long period, long phase) {
  public static final long MIN_PERIOD = 4;
  public static final long MAX_PERIOD = 1 << 16;

  private static final Era IMMORTAL = new Era(0, 0);

  public Era {
    boolean immortal = period == 0 && phase == 0;
    boolean mortal = period >= MIN_PERIOD && period <= MAX_PERIOD && Long.bitCount(period) == 1
        && phase >= 0 && phase < period && phase % quantum(period) == 0;
    if (!immortal && !mortal) {
      throw new KinitroException(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE, "era(period " + period + ", phase " + phase
          + ") is invalid; use Era.mortal(period, block) or Era.immortal()");
    }
  }

  public static Era immortal() {
    return IMMORTAL;
  }

  /**
   * A mortal era valid for about {@code period} blocks from {@code block}: the period is rounded up
   * to a power of two and clamped to 4..65536, and the phase is {@code block % period} (quantised
   * for periods above 4096). Sign with the hash of {@code block} as the birth hash.
   */
  public static Era mortal(long period, long block) {
    if (period < 1 || block < 0) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "a mortal era needs a period of at least 1 and a non-negative block, got period " + period + ", block " + block);
    }
    long nextPowerOfTwo = period > MAX_PERIOD ? MAX_PERIOD : Long.highestOneBit(period - 1) << 1;
    long rounded = Math.clamp(nextPowerOfTwo, MIN_PERIOD, MAX_PERIOD);
    long q = quantum(rounded);
    long phase = block % rounded / q * q;
    return new Era(rounded, phase);
  }

  public boolean isImmortal() {
    return period == 0;
  }

  /**
   * The first block of the window that contains {@code currentBlock}: the block whose hash is the
   * birth hash. Equals the block given to {@link #mortal} unless the period is above 4096.
   */
  public long birthBlock(long currentBlock) {
    if (isImmortal()) {
      return 0;
    }
    return (Math.max(currentBlock, phase) - phase) / period * period + phase;
  }

  public void write(ScaleWriter writer) {
    if (isImmortal()) {
      writer.u8(0);
      return;
    }
    int low = Math.clamp(Long.numberOfTrailingZeros(period) - 1, 1, 15);
    int encoded = low | (int) ((phase / quantum(period)) << 4);
    writer.u16(encoded);
  }

  public byte[] toBytes() {
    ScaleWriter writer = new ScaleWriter(2);
    write(writer);
    return writer.toByteArray();
  }

  public static Era read(ScaleReader reader) {
    int offset = reader.position();
    int first = reader.u8();
    if (first == 0) {
      return IMMORTAL;
    }
    int second = reader.u8();
    int encoded = first | (second << 8);
    long period = 2L << (encoded % 16);
    long phase = (long) (encoded >> 4) * quantum(period);
    if (period < MIN_PERIOD || phase >= period) {
      throw new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, String.format(
          "era bytes %02x%02x at offset %d give period %d and phase %d, which is not a valid mortal era",
          first, second, offset, period, phase));
    }
    return new Era(period, phase);
  }

  private static long quantum(long period) {
    return Math.max(period >> 12, 1);
  }
}
