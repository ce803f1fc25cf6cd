package ai.kinitro.common.chain.client;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Bittensor SDK's conversion of float weights to the u16 values {@code set_weights} takes:
 * divide every weight by the largest, multiply by 65535, round half to even (Python's {@code
 * round}, here {@link Math#rint}), and drop the uids whose value rounds to zero. All-zero weights
 * give empty lists (nothing to set).
 */
public final class WeightNormalizer {
  public static final int U16_MAX = 0xFFFF;

  private WeightNormalizer() {}

  public static NormalizedWeights normalize(int[] uids, double[] weights) {
    Objects.requireNonNull(uids, "uids");
    Objects.requireNonNull(weights, "weights");
    if (uids.length != weights.length) {
      throw new KinitroException(ErrorCode.WEIGHTS_LENGTH_MISMATCH,
          uids.length + " uids but " + weights.length + " weights; give exactly one weight per uid");
    }
    double max = 0;
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (uids[i] < 0 || uids[i] > U16_MAX) {
        throw new KinitroException(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE, "uid " + uids[i] + " is not a u16");
      }
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new KinitroException(ErrorCode.CHAIN_WEIGHTS_INVALID,
            "weight " + weights[i] + " for uid " + uids[i] + " must be a finite number of at least 0");
      }
      max = Math.max(max, weights[i]);
      sum += weights[i];
    }
    if (sum == 0) {
      return new NormalizedWeights(new int[0], new int[0]);
    }
    int[] keptUids = new int[uids.length];
    int[] values = new int[uids.length];
    int kept = 0;
    for (int i = 0; i < weights.length; i++) {
      int value = (int) Math.rint(weights[i] / max * U16_MAX);
      if (value != 0) {
        keptUids[kept] = uids[i];
        values[kept] = value;
        kept++;
      }
    }
    return new NormalizedWeights(Arrays.copyOf(keptUids, kept), Arrays.copyOf(values, kept));
  }

  /** Uids and their u16 weights, aligned. */
  public record NormalizedWeights(int[] uids, int[] values) {
    public NormalizedWeights {
      uids = uids.clone();
      values = values.clone();
    }

    @Override
    public int[] uids() {
      return uids.clone();
    }

    @Override
    public int[] values() {
      return values.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NormalizedWeights that && Arrays.equals(uids, that.uids)
          && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(uids) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "NormalizedWeights[uids=" + Arrays.toString(uids) + ", values=" + Arrays.toString(values) + "]";
    }
  }
}
