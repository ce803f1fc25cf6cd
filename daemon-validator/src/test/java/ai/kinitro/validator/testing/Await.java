package ai.kinitro.validator.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous deadline (a guard against hangs, not a timing assertion). */
public final class Await {
  public static final Duration DEADLINE = Duration.ofSeconds(60);

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, () -> "");
  }

  public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
    throw new AssertionError("timed out waiting for " + what + " " + state.get());
  }
}
