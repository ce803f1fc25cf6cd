package ai.kinitro.backend.realtime;

import ai.kinitro.backend.stats.GlobalStats;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current state sent after {@code subscribe}: for each subscribed type, the newest events of
 * that type (at most {@code limit}, oldest first) that pass the filter. Types without a stored
 * history ({@code episode_step}, {@code validator_disconnected}, reviews, competition updates)
 * have no initial state.
 */
public class InitialState {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcTemplate jdbc;
  private final GlobalStats stats;

  public InitialState(JdbcTemplate jdbc, GlobalStats stats) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  public List<EventPayload> load(List<EventType> types, SubscriptionFilter filter, int limit) {
    List<EventPayload> out = new ArrayList<>();
    if (limit == 0) {
      return out;
    }
    for (EventType type : types) {
      List<EventPayload> rows = switch (type) {
        case JOB_CREATED -> query("""
            SELECT id, submission_id, competition_id, miner_hotkey, provider, benchmark_name, created_at FROM jobs
            WHERE (?::bigint IS NULL OR competition_id = ?::bigint) AND (?::text IS NULL OR miner_hotkey = ?)
              AND (?::bigint IS NULL OR id = ?::bigint) AND (?::bigint IS NULL OR submission_id = ?::bigint)
            ORDER BY created_at DESC, id DESC LIMIT ?""",
            (rs, i) -> new EventPayload.JobCreated(rs.getLong(1), rs.getLong(2), Long.toString(rs.getLong(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7)),
            pair(numeric(filter.competitionId())), pair(filter.minerHotkey()), pair(filter.jobId()), pair(filter.submissionId()), limit);
        case JOB_STATUS_CHANGED, JOB_COMPLETED -> {
          boolean terminal = type == EventType.JOB_COMPLETED;
          yield query("""
              SELECT job_id, validator_hotkey, status, detail, created_at FROM job_status_events
              WHERE (status IN ('COMPLETED', 'FAILED', 'TIMEOUT', 'CANCELLED')) = ?
                AND (?::text IS NULL OR validator_hotkey = ?) AND (?::bigint IS NULL OR job_id = ?::bigint)
              ORDER BY created_at DESC, id DESC LIMIT ?""",
              (rs, i) -> statusEvent(terminal, rs), terminal, pair(filter.validatorHotkey()), pair(filter.jobId()), limit);
        }
        case EVALUATION_COMPLETED -> query("""
            SELECT job_id, submission_id, validator_hotkey, miner_hotkey, competition_id, benchmark_name, status,
                   score, success_rate, avg_reward, total_episodes, result_time FROM results
            WHERE (?::bigint IS NULL OR competition_id = ?::bigint) AND (?::text IS NULL OR miner_hotkey = ?)
              AND (?::text IS NULL OR validator_hotkey = ?) AND (?::bigint IS NULL OR job_id = ?::bigint)
              AND (?::bigint IS NULL OR submission_id = ?::bigint)
            ORDER BY result_time DESC, id DESC LIMIT ?""",
            (rs, i) -> new EventPayload.EvaluationCompleted(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Long.toString(rs.getLong(5)), rs.getString(6), EvaluationStatus.valueOf(rs.getString(7)), metrics(rs),
                instant(rs, 12)),
            pair(numeric(filter.competitionId())), pair(filter.minerHotkey()), pair(filter.validatorHotkey()),
            pair(filter.jobId()), pair(filter.submissionId()), limit);
        case EPISODE_COMPLETED -> query("""
            SELECT job_id, submission_id, validator_hotkey, task_id, episode_index, coalesce(env_name, task_id), success,
                   final_reward, steps, started_at, ended_at FROM episodes
            WHERE NOT pending_summary AND started_at IS NOT NULL AND ended_at IS NOT NULL
              AND (?::text IS NULL OR validator_hotkey = ?) AND (?::bigint IS NULL OR job_id = ?::bigint)
              AND (?::bigint IS NULL OR submission_id = ?::bigint)
            ORDER BY id DESC LIMIT ?""",
            (rs, i) -> new EventPayload.EpisodeCompleted(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getBoolean(7), rs.getDouble(8), rs.getInt(9), instant(rs, 10), instant(rs, 11)),
            pair(filter.validatorHotkey()), pair(filter.jobId()), pair(filter.submissionId()), limit);
        case SUBMISSION_RECEIVED -> query("""
            SELECT id, competition_id, miner_hotkey, version, coalesce(commitment_block, 0), created_at, holdout_release_at
            FROM submissions
            WHERE (?::bigint IS NULL OR competition_id = ?::bigint) AND (?::text IS NULL OR miner_hotkey = ?)
              AND (?::bigint IS NULL OR id = ?::bigint)
            ORDER BY created_at DESC, id DESC LIMIT ?""",
            (rs, i) -> new EventPayload.SubmissionReceived(rs.getLong(1), Long.toString(rs.getLong(2)), rs.getString(3),
                rs.getString(4), rs.getLong(5), instant(rs, 6), instant(rs, 7)),
            pair(numeric(filter.competitionId())), pair(filter.minerHotkey()), pair(filter.submissionId()), limit);
        case VALIDATOR_CONNECTED -> query("""
            SELECT hotkey, connection_id, last_connected_at FROM validators
            WHERE connected AND connection_id IS NOT NULL AND last_connected_at IS NOT NULL AND (?::text IS NULL OR hotkey = ?)
            ORDER BY last_connected_at DESC LIMIT ?""",
            (rs, i) -> new EventPayload.ValidatorConnected(rs.getString(1), rs.getString(2), instant(rs, 3)),
            pair(filter.validatorHotkey()), limit);
        case COMPETITION_CREATED -> query("""
            SELECT id, name, points, active, created_at FROM competitions
            WHERE (?::bigint IS NULL OR id = ?::bigint) ORDER BY created_at DESC, id DESC LIMIT ?""",
            (rs, i) -> new EventPayload.CompetitionCreated(Long.toString(rs.getLong(1)), rs.getString(2), rs.getInt(3),
                rs.getBoolean(4), instant(rs, 5)),
            pair(numeric(filter.competitionId())), limit);
        case STATS_UPDATED -> List.of(stats());
        case WEIGHTS_UPDATED -> query("""
            SELECT id, netuid, computed_at, entries::text FROM weight_snapshots ORDER BY computed_at DESC, id DESC LIMIT 1""",
            (rs, i) -> weights(rs));
        case EPISODE_STEP, VALIDATOR_DISCONNECTED, LEADER_CANDIDATE_CREATED, LEADER_CANDIDATE_REVIEWED,
             COMPETITION_UPDATED -> List.of();
      };
      List<EventPayload> accepted = new ArrayList<>(rows.stream().filter(filter::accepts).toList());
      java.util.Collections.reverse(accepted);
      out.addAll(accepted);
    }
    return out;
  }

  /** Global counters for {@code stats_updated}. */
  public EventPayload.StatsUpdated stats() {
    return stats.compute();
  }

  /**
   * Runs a query whose optional criteria are written {@code (?::type IS NULL OR column = ?)}: each
   * {@link Twice} argument binds the same value (possibly null) to both placeholders.
   */
  private List<EventPayload> query(String sql, org.springframework.jdbc.core.RowMapper<EventPayload> mapper, Object... args) {
    List<Object> flat = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof Twice(Object value)) {
        flat.add(value);
        flat.add(value);
      } else {
        flat.add(a);
      }
    }
    return jdbc.query(sql, mapper, flat.toArray());
  }

  /** One optional criterion, bound to two placeholders; null when the filter lacks it. */
  private record Twice(Object value) {}

  private static Twice pair(Optional<?> value) {
    return new Twice(value.orElse(null));
  }

  /** Competition ids are numeric in this backend; a non-numeric filter matches nothing. */
  private static Optional<Long> numeric(Optional<String> id) {
    return id.map(s -> {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return -1L;
      }
    });
  }

  private static EventPayload statusEvent(boolean terminal, ResultSet rs) throws SQLException {
    long jobId = rs.getLong(1);
    Optional<String> validator = Optional.ofNullable(rs.getString(2));
    EvaluationStatus status = wireStatus(rs.getString(3));
    Optional<String> detail = Optional.ofNullable(rs.getString(4)).filter(d -> !d.isBlank())
        .map(d -> d.length() > 4096 ? d.substring(0, 4096) : d);
    Instant at = instant(rs, 5);
    return terminal
        ? new EventPayload.JobCompleted(jobId, validator, status, detail, at)
        : new EventPayload.JobStatusChanged(jobId, validator, status, detail, at);
  }

  /** The schema's DELIVERED (sent, not yet acked) is QUEUED on the wire. */
  public static EvaluationStatus wireStatus(String status) {
    return "DELIVERED".equals(status) ? EvaluationStatus.QUEUED : EvaluationStatus.valueOf(status);
  }

  private static Optional<Metrics> metrics(ResultSet rs) throws SQLException {
    Double score = (Double) rs.getObject(8, Double.class);
    Double success = (Double) rs.getObject(9, Double.class);
    Double reward = (Double) rs.getObject(10, Double.class);
    Integer episodes = (Integer) rs.getObject(11, Integer.class);
    if (score == null || success == null || reward == null) {
      return Optional.empty();
    }
    return Optional.of(new Metrics(score, success, reward, episodes == null ? 0 : episodes));
  }

  private static EventPayload weights(ResultSet rs) throws SQLException {
    List<WeightEntry> entries = new ArrayList<>();
    JsonNode array = JSON.readTree(rs.getString(4));
    for (JsonNode e : array) {
      entries.add(new WeightEntry(e.get("uid").asInt(), e.get("hotkey").asString(), e.get("weight").asDouble()));
    }
    return new EventPayload.WeightsUpdated("w-" + rs.getLong(1), rs.getInt(2), instant(rs, 3), entries);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
