package ai.kinitro.validator.weights;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The subnet at one block, as far as weight setting cares.
 *
 * @param netuid the subnet
 * @param block the block this view was read at
 * @param tempo blocks per epoch minus one
 * @param weightsRateLimit blocks between two weight updates of one uid
 * @param commitRevealEnabled whether weights must be committed and revealed
 * @param revealPeriodEpochs epochs between a commit and its reveal
 * @param weightsVersionKey the minimum version key the chain accepts
 * @param hotkeys hotkey of each uid (index = uid)
 * @param lastUpdate block of each uid's last weight update (index = uid)
 */
public record SubnetView(
    int netuid, long block, int tempo, long weightsRateLimit, boolean commitRevealEnabled, int revealPeriodEpochs,
    long weightsVersionKey, List<String> hotkeys, List<Long> lastUpdate) {
  public SubnetView {
    hotkeys = List.copyOf(hotkeys);
    lastUpdate = List.copyOf(lastUpdate);
    if (hotkeys.size() != lastUpdate.size()) {
      throw new IllegalArgumentException("hotkeys and lastUpdate must have one entry per uid");
    }
  }

  /** The uid the hotkey holds now, if registered. */
  public OptionalInt uidOf(String hotkey) {
    Objects.requireNonNull(hotkey, "hotkey");
    int uid = hotkeys.indexOf(hotkey);
    return uid < 0 ? OptionalInt.empty() : OptionalInt.of(uid);
  }

  /** The epoch of {@code atBlock}: {@code (block + netuid + 1) / (tempo + 1)}. */
  public long epochAt(long atBlock) {
    return (atBlock + netuid + 1) / (tempo + 1);
  }

  /** The current epoch. */
  public long epoch() {
    return epochAt(block);
  }
}
