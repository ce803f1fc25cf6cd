package ai.kinitro.backend.weights;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** One entry of a stored weights snapshot. */
public record WeightEntryRow(@JsonProperty("uid") int uid, @JsonProperty("hotkey") String hotkey, @JsonProperty("weight") double weight) {
  public WeightEntryRow {
    Objects.requireNonNull(hotkey, "hotkey");
  }
}
