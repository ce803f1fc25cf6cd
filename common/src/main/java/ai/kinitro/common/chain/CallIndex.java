package ai.kinitro.common.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;

/**
 * Where a call lives in the runtime: the pallet's index in {@code construct_runtime} and the call's
 * index inside the pallet. Both are the first two bytes of an encoded call. The defaults in {@link
 * Calls} match subtensor spec 425; read the real ones from metadata when they may differ.
 */
public record CallIndex(int pallet, int call) {
  public CallIndex {
    if (pallet < 0 || pallet > 0xFF || call < 0 || call > 0xFF) {
      throw new KinitroException(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE,
          "call index (" + pallet + ", " + call + ") must be two u8 values");
    }
  }
}
