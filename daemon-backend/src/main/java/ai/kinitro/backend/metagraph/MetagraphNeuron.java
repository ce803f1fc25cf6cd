package ai.kinitro.backend.metagraph;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code metagraph_neurons}: who holds a uid of the subnet, and whether it has a validator permit. */
@Table("metagraph_neurons")
public record MetagraphNeuron(@Id int uid, String hotkey, boolean validatorPermit, Double stake, Instant updatedAt) {
  public MetagraphNeuron {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
