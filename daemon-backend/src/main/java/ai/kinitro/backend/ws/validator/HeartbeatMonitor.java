package ai.kinitro.backend.ws.validator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.socket.CloseStatus;

/**
 * Liveness off the ingest path: heartbeats only touch memory on the read thread; this loop writes
 * the newest heartbeat of each validator in one statement (and the validator errors counted on
 * each connection in another) and drops connections silent for longer than
 * {@link ValidatorChannelConfig#heartbeatTimeout()}.
 */
final class HeartbeatMonitor {
  private final JdbcTemplate jdbc;
  private final ValidatorConnections connections;
  private final ValidatorChannelConfig config;
  private final Clock clock;

  HeartbeatMonitor(JdbcTemplate jdbc, ValidatorConnections connections, ValidatorChannelConfig config, Clock clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds per-validator error counts to {@code validators.total_errors} in one statement. */
  static void addErrors(JdbcTemplate jdbc, List<String> hotkeys, List<Long> counts) {
    jdbc.update("""
        UPDATE validators v SET total_errors = v.total_errors + u.n, updated_at = now()
        FROM (SELECT hotkey, sum(n) AS n FROM unnest(?::text[], ?::bigint[]) AS x(hotkey, n) GROUP BY hotkey) u
        WHERE v.hotkey = u.hotkey""",
        hotkeys.toArray(String[]::new), counts.toArray(Long[]::new));
  }

  /**
   * Persists fresh heartbeats and the validator errors counted on each connection, and drops silent
   * connections; returns how many were dropped.
   */
  int pollOnce() {
    Instant now = clock.instant();
    List<String> hotkeys = new ArrayList<>();
    List<String> times = new ArrayList<>();
    List<String> erring = new ArrayList<>();
    List<Long> errors = new ArrayList<>();
    int dropped = 0;
    for (ValidatorConnection c : connections.all()) {
      long n = c.takeErrors();
      if (n > 0) {
        erring.add(c.hotkey());
        errors.add(n);
      }
      if (c.lastHeartbeat() != null && c.lastHeartbeat().plus(config.heartbeatTimeout()).isBefore(now)) {
        c.close(new CloseStatus(4000, "Heartbeat timeout"));
        dropped++;
      } else if (c.takeHeartbeatDirty()) {
        hotkeys.add(c.hotkey());
        times.add(c.lastHeartbeat().toString());
      }
    }
    if (!hotkeys.isEmpty()) {
      jdbc.update("""
          UPDATE validators v SET last_heartbeat_at = u.ts::timestamptz, updated_at = now()
          FROM unnest(?::text[], ?::text[]) AS u(hotkey, ts) WHERE v.hotkey = u.hotkey""",
          hotkeys.toArray(String[]::new), times.toArray(String[]::new));
    }
    if (!erring.isEmpty()) {
      addErrors(jdbc, erring, errors);
    }
    return dropped;
  }

}
