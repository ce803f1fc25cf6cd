package ai.kinitro.backend.outbox;

import ai.kinitro.backend.persistence.Jsonb;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code realtime_events}: one realtime event, written by the instance that produced it and fanned out by every instance (LISTEN/NOTIFY carries the id). */
@Table("realtime_events")
public record RealtimeEventRow(@Id long id, String eventType, Jsonb payload, String instanceId, Instant createdAt) {
  public RealtimeEventRow {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
