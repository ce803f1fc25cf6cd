package ai.kinitro.queue.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An outbox row as stored (inspection, tests, operator tools). */
public record OutboxRecord(
    UUID messageId, String topic, String kind, OutboxState state, int attempts, Instant nextAttemptAt,
    Optional<Instant> lastSentAt, Optional<String> lastError, Instant createdAt) {
  public OutboxRecord {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(lastSentAt, "lastSentAt");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
