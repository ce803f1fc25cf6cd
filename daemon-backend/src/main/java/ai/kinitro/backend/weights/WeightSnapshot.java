package ai.kinitro.backend.weights;

import ai.kinitro.backend.persistence.Jsonb;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code weight_snapshots}: {@code entries} is a JSON list of {@link WeightEntryRow}
 * sorted by uid; {@code contentHash} the SHA-256 of the canonical entries, so an unchanged
 * computation is recognised.
 */
@Table("weight_snapshots")
public record WeightSnapshot(
    @Id long id,
    int netuid,
    Instant computedAt,
    Instant expiresAt,
    Jsonb entries,
    double totalWeight,
    String contentHash,
    Instant createdAt) {
  public WeightSnapshot {
    Objects.requireNonNull(computedAt, "computedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
