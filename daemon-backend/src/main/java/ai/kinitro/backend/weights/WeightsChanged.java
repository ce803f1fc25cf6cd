package ai.kinitro.backend.weights;

import java.util.Objects;

/**
 * Published (Spring application event) when a new snapshot's weights differ from the previous
 * one's; the validator channel pushes it as {@code set_weights}, the realtime channel as {@code weights_updated}.
 */
public record WeightsChanged(WeightSnapshot snapshot) {
  public WeightsChanged {
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
