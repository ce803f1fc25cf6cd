package ai.kinitro.desktop.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A validator as {@code GET /validators} shows it: connection, last heartbeat and counters. */
public record ValidatorInfo(
    String hotkey,
    boolean connected,
    Optional<Instant> lastConnectedAt,
    Optional<Instant> lastDisconnectedAt,
    Optional<Instant> lastHeartbeatAt,
    long totalJobsSent,
    long totalResultsReceived,
    long totalErrors) {
  public ValidatorInfo {
    Objects.requireNonNull(hotkey, "hotkey");
    lastConnectedAt = Nulls.opt(lastConnectedAt);
    lastDisconnectedAt = Nulls.opt(lastDisconnectedAt);
    lastHeartbeatAt = Nulls.opt(lastHeartbeatAt);
  }
}
