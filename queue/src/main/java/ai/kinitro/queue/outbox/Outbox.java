package ai.kinitro.queue.outbox;

import static ai.kinitro.queue.Jdbc.clip;
import static ai.kinitro.queue.Jdbc.failure;
import static ai.kinitro.queue.Jdbc.instant;
import static ai.kinitro.queue.Jdbc.ts;

import ai.kinitro.queue.Enqueued;
import ai.kinitro.queue.RetryPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox table's operations. A message is stored before it is sent and deleted when the
 * receiver acks its id, so delivery is at least once and nothing lives only in memory.
 *
 * <p>{@link #claimDue} marks messages as sent (attempt + 1) and schedules their next attempt after
 * the ack-timeout backoff: a message whose ack never comes becomes due again by itself and is
 * resent with the same id. {@link #redeliverAll} makes every pending message due at once in
 * first-stored order, which is what a sender does after each reconnection. Thread-safe.
 */
public final class Outbox {
  /** NOTIFY channel raised when messages are appended; the payload is the topic. */
  public static final String CHANNEL = "kq_outbox";

  private static final int MAX_ERROR_LENGTH = 4000;

  private static final String APPEND = """
      WITH ins AS (
        INSERT INTO kq_outbox (message_id, topic, kind, payload, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (message_id) DO NOTHING
        RETURNING topic)
      SELECT topic, pg_notify('kq_outbox', topic)::text FROM ins""";

  private static final String APPEND_ALL = """
      WITH ins AS (
        INSERT INTO kq_outbox (message_id, topic, kind, payload, next_attempt_at, created_at)
        SELECT m, t, k, p, ?, ? FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(m, t, k, p, o)
        ORDER BY o
        ON CONFLICT (message_id) DO NOTHING
        RETURNING topic),
      n AS (SELECT pg_notify('kq_outbox', t) FROM (SELECT DISTINCT topic AS t FROM ins) d)
      SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM n)""";

  private static final String CLAIM_DUE = """
      UPDATE kq_outbox o SET attempts = o.attempts + 1, owner = ?, version = o.version + 1,
                             first_sent_at = coalesce(o.first_sent_at, ?), last_sent_at = ?,
                             next_attempt_at = ?::timestamptz + make_interval(secs => least(?::float8, ?::float8 * power(?::float8, o.attempts)))
      FROM (SELECT message_id FROM kq_outbox
            WHERE topic = ? AND state = 'PENDING' AND next_attempt_at <= ?
            ORDER BY next_attempt_at, seq
            LIMIT ?
            FOR UPDATE SKIP LOCKED) d
      WHERE o.message_id = d.message_id
      RETURNING o.message_id, o.kind, o.payload, o.attempts, o.seq, o.created_at""";

  private static final String ACK = "DELETE FROM kq_outbox WHERE message_id = ?";
  private static final String ACK_ALL = "DELETE FROM kq_outbox WHERE message_id = ANY(?::uuid[])";

  private static final String PARK = """
      UPDATE kq_outbox SET state = 'PARKED', last_error = ?, version = version + 1
      WHERE message_id = ? AND state = 'PENDING'""";

  private static final String HOLD = """
      UPDATE kq_outbox SET next_attempt_at = 'infinity', last_error = ?, version = version + 1
      WHERE message_id = ? AND state = 'PENDING'""";

  private static final String RETRY_LATER = """
      UPDATE kq_outbox SET next_attempt_at = ?, last_error = ?, version = version + 1
      WHERE message_id = ? AND state = 'PENDING'""";

  private static final String REDELIVER_ALL = """
      WITH r AS (
        UPDATE kq_outbox SET next_attempt_at = ?, version = version + 1
        WHERE topic = ? AND state = 'PENDING' AND next_attempt_at > ?
        RETURNING 1)
      SELECT count(*) FROM r""";

  private static final String STATS = """
      SELECT count(*) FILTER (WHERE state = 'PENDING'), count(*) FILTER (WHERE state = 'PENDING' AND attempts = 0),
             count(*) FILTER (WHERE state = 'PARKED'), min(created_at) FILTER (WHERE state = 'PENDING')
      FROM kq_outbox WHERE topic = ?""";

  private static final String FIND = """
      SELECT message_id, topic, kind, state, attempts, next_attempt_at, last_sent_at, last_error, created_at
      FROM kq_outbox WHERE message_id = ?""";

  private final DataSource dataSource;
  private final InstantSource clock;
  private final RetryPolicy ackTimeout;

  /**
   * @param ackTimeout how long to wait for an ack before resending: {@code initial} after the
   *     first send, growing by {@code multiplier} per resend up to {@code max}
   */
  public Outbox(DataSource dataSource, InstantSource clock, RetryPolicy ackTimeout) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
  }

  /** Stores a message unless its id is already stored (pending or parked). */
  public Enqueued append(OutboxEntry entry) {
    try (Connection c = dataSource.getConnection()) {
      return append(c, entry);
    } catch (SQLException e) {
      throw failure("storing outbox message " + entry.messageId(), e);
    }
  }

  /** As {@link #append(OutboxEntry)} inside the caller's transaction. */
  public Enqueued append(Connection connection, OutboxEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Instant now = clock.instant();
    try (PreparedStatement s = connection.prepareStatement(APPEND)) {
      s.setObject(1, entry.messageId());
      s.setString(2, entry.topic());
      s.setString(3, entry.kind());
      s.setString(4, entry.payload());
      s.setTimestamp(5, ts(now));
      s.setTimestamp(6, ts(now));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Enqueued.CREATED : Enqueued.DUPLICATE;
      }
    } catch (SQLException e) {
      throw failure("storing outbox message " + entry.messageId(), e);
    }
  }

  /** Stores many messages in one statement, in list order; known ids are skipped. Returns how many were new. */
  public int appendAll(List<OutboxEntry> entries) {
    if (entries.isEmpty()) {
      return 0;
    }
    int n = entries.size();
    UUID[] ids = new UUID[n];
    String[] topics = new String[n];
    String[] kinds = new String[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      OutboxEntry e = entries.get(i);
      ids[i] = e.messageId();
      topics[i] = e.topic();
      kinds[i] = e.kind();
      payloads[i] = e.payload();
    }
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(APPEND_ALL)) {
      s.setTimestamp(1, ts(now));
      s.setTimestamp(2, ts(now));
      s.setArray(3, c.createArrayOf("uuid", ids));
      s.setArray(4, c.createArrayOf("text", topics));
      s.setArray(5, c.createArrayOf("text", kinds));
      s.setArray(6, c.createArrayOf("text", payloads));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("storing " + n + " outbox messages", e);
    }
  }

  /**
   * Claims up to {@code limit} due messages of {@code topic} for sending, in (due time, first-stored)
   * order, and schedules each one's resend for when its ack is overdue.
   */
  public List<OutboxMessage> claimDue(String topic, String owner, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CLAIM_DUE)) {
      s.setString(1, owner);
      s.setTimestamp(2, ts(now));
      s.setTimestamp(3, ts(now));
      s.setTimestamp(4, ts(now));
      s.setDouble(5, ackTimeout.max().toMillis() / 1000.0);
      s.setDouble(6, ackTimeout.initial().toMillis() / 1000.0);
      s.setDouble(7, ackTimeout.multiplier());
      s.setString(8, topic);
      s.setTimestamp(9, ts(now));
      s.setInt(10, limit);
      List<OutboxMessage> out = new ArrayList<>(limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new OutboxMessage(rs.getObject(1, UUID.class), topic, rs.getString(2), rs.getString(3), rs.getInt(4),
              rs.getLong(5), instant(rs.getTimestamp(6))));
        }
      }
      out.sort((a, b) -> Long.compare(a.seq(), b.seq()));
      return out;
    } catch (SQLException e) {
      throw failure("claiming due outbox messages of " + topic, e);
    }
  }

  /**
   * The receiver acknowledged {@code messageId} (any outcome): the message is done.
   *
   * @return false if it was not stored (already acked: a duplicate ack)
   */
  public boolean ack(UUID messageId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(ACK)) {
      s.setObject(1, messageId);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("acking outbox message " + messageId, e);
    }
  }

  /** Acks many ids in one statement; returns how many were still stored. */
  public int ackAll(Collection<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return 0;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(ACK_ALL)) {
      s.setArray(1, c.createArrayOf("uuid", messageIds.toArray(UUID[]::new)));
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure("acking " + messageIds.size() + " outbox messages", e);
    }
  }

  /** Refused for good: never resend it, keep it for the operator. Returns false if not pending. */
  public boolean park(UUID messageId, String reason) {
    return update(PARK, messageId, reason, null, "parking");
  }

  /**
   * Do not resend until the next {@link #redeliverAll} (the receiver could not read it; resending
   * the same bytes on this connection cannot help). Returns false if not pending.
   */
  public boolean holdUntilRedelivery(UUID messageId, String reason) {
    return update(HOLD, messageId, reason, null, "holding");
  }

  /** Resend no earlier than {@code delay} from now (the receiver is busy). Returns false if not pending. */
  public boolean retryAfter(UUID messageId, Duration delay, String reason) {
    return update(RETRY_LATER, messageId, reason, clock.instant().plus(delay), "rescheduling");
  }

  private boolean update(String sql, UUID messageId, String reason, Instant when, String doing) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      if (when != null) {
        s.setTimestamp(i++, ts(when));
      }
      s.setString(i++, clip(reason, MAX_ERROR_LENGTH));
      s.setObject(i, messageId);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure(doing + " outbox message " + messageId, e);
    }
  }

  /**
   * Makes every pending message of {@code topic} due now, so the next claims resend them in
   * first-stored order (call after each (re)connection).
   *
   * @return how many were waiting for a later attempt
   */
  public int redeliverAll(String topic) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(REDELIVER_ALL)) {
      s.setTimestamp(1, ts(now));
      s.setString(2, topic);
      s.setTimestamp(3, ts(now));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("making outbox messages of " + topic + " due", e);
    }
  }

  /** Backlog of {@code topic}. */
  public OutboxStats stats(String topic) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(STATS)) {
      s.setString(1, topic);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        Instant oldest = instant(rs.getTimestamp(4));
        Optional<Duration> age = Optional.ofNullable(oldest).map(o -> {
          Duration d = Duration.between(o, clock.instant());
          return d.isNegative() ? Duration.ZERO : d;
        });
        return new OutboxStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), age);
      }
    } catch (SQLException e) {
      throw failure("reading the outbox backlog of " + topic, e);
    }
  }

  /** The stored row of a message, if it is still stored. */
  public Optional<OutboxRecord> find(UUID messageId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(FIND)) {
      s.setObject(1, messageId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new OutboxRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            OutboxState.valueOf(rs.getString(4)), rs.getInt(5), nextAttempt(rs), Optional.ofNullable(instant(rs.getTimestamp(7))),
            Optional.ofNullable(rs.getString(8)), instant(rs.getTimestamp(9))));
      }
    } catch (SQLException e) {
      throw failure("reading outbox message " + messageId, e);
    }
  }

  private static Instant nextAttempt(ResultSet rs) throws SQLException {
    String raw = rs.getString(6);
    if ("infinity".equals(raw)) {
      return Instant.MAX;
    }
    return instant(rs.getTimestamp(6));
  }
}
