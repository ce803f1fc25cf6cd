package ai.kinitro.validator.weights;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.WeightEntry;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Weights as the chain takes them: uids in increasing order and u16 values, max-upscaled (the
 * largest is 65535), rounded half-to-even like the Bittensor SDK, zeros dropped.
 */
public record WeightVector(int[] uids, int[] weights) {
  public static final int U16_MAX = 65535;

  public WeightVector {
    uids = uids.clone();
    weights = weights.clone();
    if (uids.length != weights.length) {
      throw new KinitroException(ErrorCode.WEIGHTS_LENGTH_MISMATCH, "uids and weights differ in length");
    }
  }

  @Override
  public int[] uids() {
    return uids.clone();
  }

  @Override
  public int[] weights() {
    return weights.clone();
  }

  /**
   * Maps each entry's hotkey to the uid it holds now (uids are reused: an entry whose hotkey is no
   * longer registered is dropped; one whose hotkey moved follows it) and quantises.
   *
   * @throws KinitroException WEIGHTS_NOTHING_TO_SET if no entry maps to a registered hotkey with a
   *     positive weight
   */
  public static WeightVector plan(List<WeightEntry> entries, SubnetView subnet) {
    TreeMap<Integer, Double> byUid = new TreeMap<>();
    for (WeightEntry e : entries) {
      OptionalInt uid = subnet.uidOf(e.hotkey());
      if (uid.isPresent() && e.weight() > 0) {
        byUid.merge(uid.getAsInt(), e.weight(), Double::sum);
      }
    }
    double max = byUid.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (max <= 0) {
      throw new KinitroException(ErrorCode.WEIGHTS_NOTHING_TO_SET,
          "none of the " + entries.size() + " snapshot entries names a hotkey registered on subnet " + subnet.netuid()
              + " with a positive weight");
    }
    int[] uids = new int[byUid.size()];
    int[] values = new int[byUid.size()];
    int n = 0;
    for (var e : byUid.entrySet()) {
      int v = (int) Math.rint(e.getValue() / max * U16_MAX);
      if (v > 0) {
        uids[n] = e.getKey();
        values[n++] = v;
      }
    }
    return new WeightVector(Arrays.copyOf(uids, n), Arrays.copyOf(values, n));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightVector w && Arrays.equals(uids, w.uids) && Arrays.equals(weights, w.weights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(uids) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "WeightVector[uids=" + Arrays.toString(uids) + ", weights=" + Arrays.toString(weights) + "]";
  }
}
