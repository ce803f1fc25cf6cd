package ai.kinitro.common.chain.client;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How to build and submit a transaction.
 *
 * @param eraPeriod mortality in blocks (rounded up to a power of two, 4..65536), or 0 for immortal
 * @param tip tip in rao
 * @param nonce a nonce to use instead of asking the node ({@code system_accountNextIndex})
 * @param waitFor what to wait for before returning
 * @param timeout how long to wait for inclusion or finality
 */
public record TxOptions(long eraPeriod, long tip, OptionalLong nonce, WaitFor waitFor, Duration timeout) {
  /** Era period 64, no tip, nonce from the node, wait until in a block, 2 minutes. */
  public static final TxOptions DEFAULT =
      new TxOptions(64, 0, OptionalLong.empty(), WaitFor.IN_BLOCK, Duration.ofMinutes(2));

  public TxOptions {
    if (eraPeriod < 0 || tip < 0) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "era period and tip must not be negative");
    }
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(waitFor, "waitFor");
    Objects.requireNonNull(timeout, "timeout");
  }

  public TxOptions withWaitFor(WaitFor wait) {
    return new TxOptions(eraPeriod, tip, nonce, wait, timeout);
  }

  public TxOptions withNonce(long value) {
    return new TxOptions(eraPeriod, tip, OptionalLong.of(value), waitFor, timeout);
  }

  public TxOptions withEraPeriod(long period) {
    return new TxOptions(period, tip, nonce, waitFor, timeout);
  }

  public TxOptions withTip(long value) {
    return new TxOptions(eraPeriod, value, nonce, waitFor, timeout);
  }

  public TxOptions withTimeout(Duration value) {
    return new TxOptions(eraPeriod, tip, nonce, waitFor, value);
  }

  /** What a submission waits for. */
  public enum WaitFor {
    /** Return once the pool accepted it. */
    NONE,
    /** Return once it is in a block (and report its dispatch result). */
    IN_BLOCK,
    /** Return once that block is finalized. */
    FINALIZED
  }
}
