package ai.kinitro.devchain.runtime;

import java.util.List;

/**
 * Subtensor's weight arithmetic in I32F32 fixed point (32 fractional bits): max-upscaling to u16
 * and the max-weight-limit check. Divisions truncate, {@code round} rounds halves away from zero,
 * as the {@code fixed} crate does.
 */
public final class WeightMath {
  private static final long ONE = 1L << 32;
  private static final long HALF = 1L << 31;
  private static final long U16_MAX = 0xFFFF;
  private static final long UPSCALE_THRESHOLD = 32768;

  private WeightMath() {}

  /**
   * {@code vec_u16_max_upscale_to_u16}: scales the values so the largest becomes 65535. All-zero
   * input stays zero.
   */
  public static List<Integer> maxUpscale(List<Integer> values) {
    long max = values.stream().mapToLong(Integer::longValue).max().orElse(0);
    if (max == 0) {
      return values.stream().map(v -> 0).toList();
    }
    if (max > UPSCALE_THRESHOLD) {
      // ratio = 65535 / max in fixed point (truncated); value * ratio, rounded.
      long ratio = (U16_MAX << 32) / max;
      return values.stream().map(v -> saturateU16(round(v * ratio))).toList();
    }
    // (value * 65535) / max in fixed point (truncated), rounded.
    return values.stream().map(v -> saturateU16(round(((v * U16_MAX) << 32) / max))).toList();
  }

  /**
   * {@code check_vec_max_limited}: after normalising the values to sum 1, none may exceed {@code
   * limit / 65535}.
   */
  public static boolean maxLimited(List<Integer> values, int limit) {
    long sum = values.stream().mapToLong(Integer::longValue).sum();
    long limitFixed = ((long) limit << 32) / U16_MAX;
    long max = 0;
    for (int v : values) {
      long normalised = sum == 0 ? ((long) v << 32) : ((long) v << 32) / sum;
      max = Math.max(max, normalised);
    }
    return max <= limitFixed;
  }

  private static long round(long fixed) {
    return (fixed + HALF) / ONE;
  }

  private static int saturateU16(long value) {
    return (int) Math.clamp(value, 0, U16_MAX);
  }
}
