package ai.kinitro.validator.link;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reconnection delays: exponential (initial × 2^(failures-1), capped) with "equal jitter" — a
 * uniformly random delay between half and all of that value — so a fleet of validators that lost
 * the backend together does not reconnect in lockstep, yet never retries immediately.
 */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.max = Objects.requireNonNull(max, "max");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The delay before the next attempt after {@code failures} consecutive failures (≥ 1). */
  Duration delayAfter(int failures) {
    long cap = max.toMillis();
    long base = initial.toMillis();
    for (int i = 1; i < failures && base < cap; i++) {
      base *= 2;
    }
    base = Math.min(base, cap);
    long half = base / 2;
    return Duration.ofMillis(half + (base - half == 0 ? 0 : random.nextLong(base - half + 1)));
  }
}
