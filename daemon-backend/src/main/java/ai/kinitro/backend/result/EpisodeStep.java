package ai.kinitro.backend.result;

import ai.kinitro.backend.persistence.Jsonb;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code episode_steps}: one logged step, unique per (episode, step). Bulk ingestion should use batched SQL rather than this record. */
@Table("episode_steps")
public record EpisodeStep(
    @Id long id,
    long episodeId,
    int step,
    Jsonb action,
    double reward,
    boolean done,
    boolean truncated,
    Jsonb observationRefs,
    Jsonb info,
    Instant stepTimestamp,
    Instant createdAt) {
  public EpisodeStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(observationRefs, "observationRefs");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(stepTimestamp, "stepTimestamp");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
