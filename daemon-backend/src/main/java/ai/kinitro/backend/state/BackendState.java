package ai.kinitro.backend.state;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The singleton row of {@code backend_state} (id 1): the chain monitor's progress. */
@Table("backend_state")
public record BackendState(@Id short id, Long lastSeenBlock, Instant lastChainScan, Instant updatedAt) {
  public static final short SINGLETON_ID = 1;

  public BackendState {
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
