package ai.kinitro.backend.ops;

import ai.kinitro.backend.job.AssignmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open (not terminal) job assignments by status, for a gauge: one grouped count, at most once per
 * {@code ttl}, so a scrape of every status costs one query.
 */
final class OpenAssignments {
  private static final Logger LOG = LoggerFactory.getLogger(OpenAssignments.class);

  private final JdbcTemplate jdbc;
  private final Duration ttl;
  private final InstantSource clock;
  private Instant countedAt;
  private Map<AssignmentStatus, Long> counts = Map.of();

  OpenAssignments(JdbcTemplate jdbc, Duration ttl, InstantSource clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The count of {@code status}; NaN while the database cannot be counted. */
  synchronized double count(AssignmentStatus status) {
    Instant now = clock.instant();
    if (countedAt == null || !now.isBefore(countedAt.plus(ttl))) {
      countedAt = now;
      try {
        Map<AssignmentStatus, Long> fresh = new EnumMap<>(AssignmentStatus.class);
        jdbc.query("SELECT status, count(*) FROM job_assignments WHERE status IN ('QUEUED', 'DELIVERED', 'STARTING', "
            + "'RUNNING') GROUP BY status", rs -> {
              fresh.put(AssignmentStatus.valueOf(rs.getString(1)), rs.getLong(2));
            });
        counts = fresh;
      } catch (RuntimeException e) {
        LOG.debug("Could not count open assignments", e);
        counts = null;
      }
    }
    return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
  }
}
