package ai.kinitro.backend.chain;

import java.util.Objects;

/**
 * One registered neuron of the subnet.
 *
 * @param uid its UID
 * @param hotkey its hotkey (SS58)
 * @param validatorPermit whether it may set weights (validate)
 * @param stake its stake in TAO (informational)
 */
public record Neuron(int uid, String hotkey, boolean validatorPermit, double stake) {
  public Neuron {
    if (uid < 0 || uid > 65535) {
      throw new IllegalArgumentException("uid must be 0..65535, got " + uid);
    }
    Objects.requireNonNull(hotkey, "hotkey");
  }
}
