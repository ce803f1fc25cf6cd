package ai.kinitro.backend.stats;

import ai.kinitro.common.protocol.realtime.EventPayload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The platform's global counters, read from the database (so every backend instance computes the
 * same answer): {@code GET /stats}, the {@code stats_updated} initial state and its live updates.
 */
@Component
public class GlobalStats {
  private final JdbcTemplate jdbc;

  public GlobalStats(JdbcTemplate jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  /**
   * The counters now. Percentages are each active competition's share of the active points (0
   * when no active competition has points).
   */
  public EventPayload.StatsUpdated compute() {
    Map<String, Double> percentages = new LinkedHashMap<>();
    long[] points = new long[1];
    int[] competitions = new int[2];
    jdbc.query("SELECT id, points, active FROM competitions", rs -> {
      competitions[0]++;
      if (rs.getBoolean(3)) {
        competitions[1]++;
        points[0] += rs.getInt(2);
        percentages.put(Long.toString(rs.getLong(1)), (double) rs.getInt(2));
      }
    });
    long totalPoints = points[0];
    percentages.replaceAll((k, v) -> totalPoints == 0 ? 0.0 : Math.min(100.0, 100.0 * v / totalPoints));
    return jdbc.queryForObject("""
        SELECT (SELECT count(*) FROM validators WHERE connected),
               (SELECT count(*) FROM submissions), (SELECT count(*) FROM jobs), (SELECT count(*) FROM results),
               (SELECT count(*) FROM results WHERE status = 'COMPLETED'),
               (SELECT count(*) FROM results WHERE status <> 'COMPLETED'),
               (SELECT last_seen_block FROM backend_state WHERE id = 1)""",
        (rs, i) -> new EventPayload.StatsUpdated(competitions[0], competitions[1], totalPoints, rs.getInt(1), rs.getLong(2),
            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
            Optional.ofNullable((Long) rs.getObject(7, Long.class)), percentages));
  }
}
