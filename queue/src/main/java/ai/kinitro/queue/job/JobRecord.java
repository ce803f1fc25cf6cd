package ai.kinitro.queue.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A job row as stored (inspection, tests, operator tools). */
public record JobRecord(
    String queue, String id, JobState state, int attempts, int maxAttempts, Optional<String> owner, long version,
    Instant runAt, Optional<Instant> lastHeartbeat, Optional<String> lastError, Instant createdAt,
    Optional<Instant> finishedAt) {
  public JobRecord {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(runAt, "runAt");
    Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }
}
