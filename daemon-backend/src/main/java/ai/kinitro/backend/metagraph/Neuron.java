package ai.kinitro.backend.metagraph;

import java.util.Objects;

/** One uid of the subnet: its hotkey and whether it holds a validator permit. */
public record Neuron(int uid, String hotkey, boolean validatorPermit) {
  public Neuron {
    if (uid < 0 || uid > 65_535) {
      throw new IllegalArgumentException("uid must be 0..65535, was " + uid);
    }
    Objects.requireNonNull(hotkey, "hotkey");
  }
}
