package ai.kinitro.common.protocol;

/**
 * One neuron's weight in a weights snapshot.
 *
 * @param uid the neuron's UID on the subnet (0..65535)
 * @param hotkey the hotkey registered at that UID when the snapshot was computed; a validator
 *     skips the entry if the UID now belongs to another hotkey
 * @param weight the normalised weight in [0, 1]; the entries of a snapshot sum to at most 1
 */
public record WeightEntry(int uid, String hotkey, double weight) {
  public WeightEntry {
    Fields.between(uid, 0, 65535, "uid");
    Fields.hotkey(hotkey, "hotkey");
    Fields.fraction(weight, "weight");
  }
}
