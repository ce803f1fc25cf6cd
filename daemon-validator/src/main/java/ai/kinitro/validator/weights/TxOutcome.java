package ai.kinitro.validator.weights;

import ai.kinitro.common.error.ErrorCode;
import java.util.Objects;
import java.util.OptionalLong;

/** What the chain did with a weights extrinsic. */
public sealed interface TxOutcome {
  /** Included in {@code block}. */
  record Included(long block) implements TxOutcome {}

  /**
   * Refused.
   *
   * @param code CHAIN_RATE_LIMITED, CHAIN_TOO_MANY_UNREVEALED_COMMITS, WEIGHTS_REJECTED_BY_CHAIN, …
   * @param chainError the chain's error name (e.g. {@code SettingWeightsTooFast}) or a transport failure
   * @param retryAtBlock when a rate limit ends, if known
   */
  record Rejected(ErrorCode code, String chainError, OptionalLong retryAtBlock) implements TxOutcome {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(chainError, "chainError");
      Objects.requireNonNull(retryAtBlock, "retryAtBlock");
    }
  }
}
