package ai.kinitro.validator.weights;

import static ai.kinitro.queue.Jdbc.clip;
import static ai.kinitro.queue.Jdbc.failure;
import static ai.kinitro.queue.Jdbc.instant;
import static ai.kinitro.queue.Jdbc.ts;

import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.validator.AckOutcome;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Snapshots and pending commits in the validator's own tables. */
public final class WeightsStore {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<WeightEntry>> ENTRIES = new TypeReference<>() {};

  /** Where a snapshot came from. */
  public enum Source { BACKEND, LITE }

  /** A stored snapshot and when it was last applied. */
  public record Stored(WeightsSnapshot snapshot, Optional<Instant> appliedAt) {}

  /** A commit waiting for its reveal epoch. */
  public record PendingCommit(long id, int netuid, UUID snapshotMessageId, int[] uids, int[] weights, int[] salt,
      long versionKey, long commitBlock, long revealEpoch) {}

  private final DataSource dataSource;

  public WeightsStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Stores a snapshot unless its message id is known. */
  public AckOutcome store(WeightsSnapshot s, Source source, Instant now) {
    String sql = """
        INSERT INTO validator_weights_snapshot (message_id, snapshot_id, netuid, computed_at, expires_at, entries, source, received_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""";
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setObject(1, s.messageId());
      st.setString(2, s.snapshotId());
      st.setInt(3, s.netuid());
      st.setTimestamp(4, ts(s.computedAt()));
      st.setTimestamp(5, ts(s.expiresAt()));
      st.setString(6, JSON.writeValueAsString(s.entries()));
      st.setString(7, source.name().toLowerCase(java.util.Locale.ROOT));
      st.setTimestamp(8, ts(now));
      return st.executeUpdate() == 1 ? AckOutcome.STORED : AckOutcome.DUPLICATE;
    } catch (SQLException e) {
      throw failure("storing weights snapshot " + s.snapshotId(), e);
    }
  }

  /** The newest snapshot of {@code netuid} not expired at {@code now}. */
  public Optional<Stored> newestUnexpired(int netuid, Instant now) {
    String sql = """
        SELECT message_id, snapshot_id, netuid, computed_at, expires_at, entries, applied_at
        FROM validator_weights_snapshot WHERE netuid = ? AND expires_at > ?
        ORDER BY computed_at DESC, received_at DESC LIMIT 1""";
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setInt(1, netuid);
      st.setTimestamp(2, ts(now));
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        WeightsSnapshot s = new WeightsSnapshot(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), JSON.readValue(rs.getString(6), ENTRIES));
        return Optional.of(new Stored(s, Optional.ofNullable(instant(rs.getTimestamp(7)))));
      }
    } catch (SQLException e) {
      throw failure("reading the newest weights snapshot", e);
    }
  }

  /** The newest snapshot of {@code netuid} whatever its age (lite mode skips re-storing it). */
  public Optional<Instant> newestComputedAt(int netuid) {
    String sql = "SELECT max(computed_at) FROM validator_weights_snapshot WHERE netuid = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setInt(1, netuid);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return Optional.ofNullable(instant(rs.getTimestamp(1)));
      }
    } catch (SQLException e) {
      throw failure("reading the newest weights snapshot", e);
    }
  }

  public void markApplied(UUID messageId, Instant at) {
    update("UPDATE validator_weights_snapshot SET applied_at = ?, last_error = NULL WHERE message_id = ?", messageId, ts(at));
  }

  public void recordError(UUID messageId, String error) {
    update("UPDATE validator_weights_snapshot SET last_error = ? WHERE message_id = ?", messageId, clip(error, 4000));
  }

  /** The open commit of {@code netuid}, if any. */
  public Optional<PendingCommit> openCommit(int netuid) {
    String sql = """
        SELECT id, netuid, snapshot_message_id, uids, weights, salt, version_key, commit_block, reveal_epoch
        FROM validator_weight_commit WHERE netuid = ? AND state = 'COMMITTED' ORDER BY id DESC LIMIT 1""";
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setInt(1, netuid);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new PendingCommit(rs.getLong(1), rs.getInt(2), rs.getObject(3, UUID.class), ints(rs.getArray(4)),
            ints(rs.getArray(5)), ints(rs.getArray(6)), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
      }
    } catch (SQLException e) {
      throw failure("reading the open weights commit", e);
    }
  }

  /** Records a commit that was included on chain. */
  public void saveCommit(int netuid, UUID snapshotMessageId, WeightVector v, int[] salt, long versionKey, byte[] hash,
      long commitBlock, long revealEpoch, Instant now) {
    String sql = """
        INSERT INTO validator_weight_commit (netuid, snapshot_message_id, uids, weights, salt, version_key, commit_hash,
                                             commit_block, reveal_epoch, state, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMMITTED', ?)""";
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setInt(1, netuid);
      st.setObject(2, snapshotMessageId);
      st.setArray(3, c.createArrayOf("int4", boxed(v.uids())));
      st.setArray(4, c.createArrayOf("int4", boxed(v.weights())));
      st.setArray(5, c.createArrayOf("int4", boxed(salt)));
      st.setLong(6, versionKey);
      st.setBytes(7, hash);
      st.setLong(8, commitBlock);
      st.setLong(9, revealEpoch);
      st.setTimestamp(10, ts(now));
      st.executeUpdate();
    } catch (SQLException e) {
      throw failure("storing a weights commit", e);
    }
  }

  /** Closes a commit as REVEALED or EXPIRED. */
  public void finishCommit(long id, boolean revealed, Instant now) {
    String sql = "UPDATE validator_weight_commit SET state = ?, finished_at = ? WHERE id = ? AND state = 'COMMITTED'";
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, revealed ? "REVEALED" : "EXPIRED");
      st.setTimestamp(2, ts(now));
      st.setLong(3, id);
      st.executeUpdate();
    } catch (SQLException e) {
      throw failure("closing weights commit " + id, e);
    }
  }

  private void update(String sql, UUID messageId, Object value) {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setObject(1, value);
      st.setObject(2, messageId);
      st.executeUpdate();
    } catch (SQLException e) {
      throw failure("updating weights snapshot " + messageId, e);
    }
  }

  private static Integer[] boxed(int[] values) {
    return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
  }

  private static int[] ints(Array array) throws SQLException {
    Integer[] values = (Integer[]) array.getArray();
    return java.util.Arrays.stream(values).mapToInt(Integer::intValue).toArray();
  }
}
