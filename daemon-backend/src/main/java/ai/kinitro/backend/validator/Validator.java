package ai.kinitro.backend.validator;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code validators}: a validator hotkey, its connection state and counters. */
@Table("validators")
public record Validator(
    @Id String hotkey,
    Long apiKeyId,
    String connectionId,
    String instanceId,
    boolean connected,
    Instant firstConnectedAt,
    Instant lastConnectedAt,
    Instant lastDisconnectedAt,
    Instant lastHeartbeatAt,
    long totalJobsSent,
    long totalResultsReceived,
    long totalErrors,
    Instant createdAt,
    Instant updatedAt) {
  public Validator {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A validator seen for the first time, not connected. */
  public static Validator firstSeen(String hotkey, Long apiKeyId, Instant now) {
    return new Validator(hotkey, apiKeyId, null, null, false, null, null, null, null, 0, 0, 0, now, now);
  }
}
