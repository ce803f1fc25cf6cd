package ai.kinitro.backend.ws.validator;

import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.validator.SetWeights;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the newest weights snapshot as {@code set_weights}: to every connected validator when a
 * new snapshot appears and again every {@code weightsPushInterval}, and to one validator at once
 * when it (re)connects. Expired snapshots are never sent.
 */
final class WeightsPusher {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private record Snapshot(long id, int netuid, Instant computedAt, Instant expiresAt, List<WeightEntry> entries) {}

  private final JdbcTemplate jdbc;
  private final ValidatorConnections connections;
  private final ValidatorChannelConfig config;
  private final Clock clock;
  private volatile long lastPushedId = -1;
  private volatile Instant lastPushAt = Instant.EPOCH;

  WeightsPusher(JdbcTemplate jdbc, ValidatorConnections connections, ValidatorChannelConfig config, Clock clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Pushes to everyone if the snapshot changed or the cadence is due; returns how many were sent. */
  int pollOnce() {
    Optional<Snapshot> newest = newest();
    if (newest.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    boolean changed = newest.get().id() != lastPushedId;
    boolean due = !now.isBefore(lastPushAt.plus(config.weightsPushInterval()));
    if (!changed && !due) {
      return 0;
    }
    int sent = 0;
    for (ValidatorConnection c : connections.all()) {
      sent += send(c, newest.get(), now) ? 1 : 0;
    }
    lastPushedId = newest.get().id();
    lastPushAt = now;
    return sent;
  }

  /** Pushes the newest snapshot to one (re)connected validator. */
  boolean pushTo(ValidatorConnection connection) {
    return newest().map(s -> send(connection, s, clock.instant())).orElse(false);
  }

  private boolean send(ValidatorConnection connection, Snapshot s, Instant now) {
    if (!s.expiresAt().isAfter(now)) {
      return false;
    }
    return connection.send(new SetWeights(UUID.randomUUID(), "w-" + s.id(), s.netuid(), s.computedAt(), s.expiresAt(), s.entries()));
  }

  private Optional<Snapshot> newest() {
    return jdbc.query("""
        SELECT id, netuid, computed_at, expires_at, entries::text FROM weight_snapshots
        ORDER BY computed_at DESC, id DESC LIMIT 1""",
        (rs, i) -> {
          List<WeightEntry> entries = new ArrayList<>();
          for (JsonNode e : JSON.readTree(rs.getString(5))) {
            entries.add(new WeightEntry(e.path("uid").asInt(), e.path("hotkey").asString(), e.path("weight").asDouble()));
          }
          return new Snapshot(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
              entries);
        }).stream().findFirst();
  }
}
