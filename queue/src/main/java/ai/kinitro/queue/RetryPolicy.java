package ai.kinitro.queue;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: the delay before attempt {@code n + 1} after {@code n} attempts is {@code
 * initial × multiplier^(n-1)}, capped at {@code max}.
 *
 * @param initial delay after the first attempt
 * @param max upper bound of any delay
 * @param multiplier growth per attempt, at least 1
 */
public record RetryPolicy(Duration initial, Duration max, double multiplier) {
  /** 5 s, doubling, at most 10 min. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 2.0);

  public RetryPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "retry delays must satisfy 0 <= initial <= max; got initial " + initial + ", max " + max);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "retry multiplier must be a finite number >= 1, was " + multiplier);
    }
  }

  /** The delay after {@code attempts} attempts (1 = the first attempt just failed). */
  public Duration delayAfter(int attempts) {
    if (attempts <= 1) {
      return initial;
    }
    double millis = initial.toMillis() * Math.pow(multiplier, attempts - 1);
    if (!(millis < max.toMillis())) {
      return max;
    }
    return Duration.ofMillis((long) millis);
  }
}
