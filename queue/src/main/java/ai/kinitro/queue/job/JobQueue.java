package ai.kinitro.queue.job;

import static ai.kinitro.queue.Jdbc.clip;
import static ai.kinitro.queue.Jdbc.failure;
import static ai.kinitro.queue.Jdbc.instant;
import static ai.kinitro.queue.Jdbc.ts;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.queue.Enqueued;
import ai.kinitro.queue.RetryPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The job table's operations. Every method is one statement in its own transaction unless it takes
 * a {@link Connection}, in which case it joins the caller's transaction (so a daemon can store a
 * job together with its own bookkeeping). Times come from the injected clock. Thread-safe.
 *
 * <p>The claim is a single {@code UPDATE … WHERE (queue, id) IN (SELECT … FOR UPDATE SKIP LOCKED
 * LIMIT n) RETURNING …} that sets the owner, the first heartbeat and {@code version + 1}. Every
 * later write about the job ({@link #complete}, {@link #fail}, {@link #release}, {@link
 * #heartbeat}) matches on that version, so an owner whose job was reaped and handed to someone else
 * cannot overwrite the new owner's state.
 */
public final class JobQueue {
  /** NOTIFY channel raised when jobs become ready; the payload is the queue name. */
  public static final String CHANNEL = "kq_job";

  private static final int MAX_ERROR_LENGTH = 4000;
  private static final int REAP_BATCH = 1000;

  private static final String ENQUEUE = """
      WITH ins AS (
        INSERT INTO kq_job (queue_name, job_id, payload, state, priority, run_at, max_attempts, created_at)
        VALUES (?, ?, ?, 'READY', ?, ?, ?, ?)
        ON CONFLICT (queue_name, job_id) DO NOTHING
        RETURNING queue_name)
      SELECT queue_name, pg_notify('kq_job', queue_name)::text FROM ins""";

  private static final String ENQUEUE_ALL = """
      WITH ins AS (
        INSERT INTO kq_job (queue_name, job_id, payload, state, priority, run_at, max_attempts, created_at)
        SELECT q, i, p, 'READY', pr, ra, ma, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::int[])
          AS t(q, i, p, pr, ra, ma)
        ON CONFLICT (queue_name, job_id) DO NOTHING
        RETURNING queue_name),
      n AS (SELECT pg_notify('kq_job', q) FROM (SELECT DISTINCT queue_name AS q FROM ins) d)
      SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM n)""";

  private static final String CLAIM = """
      UPDATE kq_job SET state = 'RUNNING', owner = ?, picked_at = ?, last_heartbeat = ?,
                        attempts = attempts + 1, version = version + 1
      WHERE (queue_name, job_id) IN (
        SELECT queue_name, job_id FROM kq_job
        WHERE queue_name = ? AND state = 'READY' AND run_at <= ?
        ORDER BY priority DESC, run_at, created_at
        LIMIT ?
        FOR UPDATE SKIP LOCKED)
      RETURNING job_id, payload, attempts, max_attempts, version, created_at, priority""";

  private static final String COMPLETE = """
      UPDATE kq_job SET state = 'DONE', owner = NULL, last_heartbeat = NULL, finished_at = ?, last_error = NULL,
                        version = version + 1
      WHERE queue_name = ? AND job_id = ? AND version = ? AND state = 'RUNNING'""";

  private static final String COMPLETE_ALL = """
      UPDATE kq_job j SET state = 'DONE', owner = NULL, last_heartbeat = NULL, finished_at = ?, last_error = NULL,
                          version = j.version + 1
      FROM unnest(?::text[], ?::bigint[]) AS c(id, v)
      WHERE j.queue_name = ? AND j.job_id = c.id AND j.version = c.v AND j.state = 'RUNNING'
      RETURNING j.job_id""";

  private static final String FAIL = """
      UPDATE kq_job SET state = ?, run_at = ?, owner = NULL, last_heartbeat = NULL, last_error = ?, finished_at = ?,
                        version = version + 1
      WHERE queue_name = ? AND job_id = ? AND version = ? AND state = 'RUNNING'""";

  private static final String RELEASE = """
      UPDATE kq_job SET state = 'READY', run_at = ?, owner = NULL, last_heartbeat = NULL,
                        attempts = greatest(attempts - 1, 0), version = version + 1
      WHERE queue_name = ? AND job_id = ? AND version = ? AND state = 'RUNNING'""";

  private static final String NOTIFY = "SELECT pg_notify('kq_job', ?)::text";

  private static final String HEARTBEAT = """
      UPDATE kq_job j SET last_heartbeat = ?
      FROM unnest(?::text[], ?::bigint[]) AS h(id, v)
      WHERE j.queue_name = ? AND j.job_id = h.id AND j.version = h.v AND j.state = 'RUNNING'
      RETURNING j.job_id""";

  private static final String REAP = """
      UPDATE kq_job j SET
          state = CASE WHEN j.attempts >= j.max_attempts THEN 'PARKED' ELSE 'READY' END,
          run_at = CASE WHEN j.attempts >= j.max_attempts THEN j.run_at
                        ELSE ?::timestamptz + make_interval(secs => least(?::float8, ?::float8 * power(?::float8, greatest(j.attempts, 1) - 1)))
                   END,
          finished_at = CASE WHEN j.attempts >= j.max_attempts THEN ?::timestamptz ELSE NULL END,
          last_error = 'owner ' || d.dead_owner || ' stopped heartbeating; last heartbeat at ' || d.dead_heartbeat,
          owner = NULL, last_heartbeat = NULL, version = j.version + 1
      FROM (SELECT queue_name, job_id, owner AS dead_owner, last_heartbeat AS dead_heartbeat FROM kq_job
            WHERE state = 'RUNNING' AND last_heartbeat < ?
            LIMIT ? FOR UPDATE SKIP LOCKED) d
      WHERE j.queue_name = d.queue_name AND j.job_id = d.job_id
      RETURNING j.queue_name, j.job_id, d.dead_owner, j.attempts, j.state""";

  private static final String STATS = """
      SELECT count(*) FILTER (WHERE state = 'READY'), count(*) FILTER (WHERE state = 'RUNNING'),
             count(*) FILTER (WHERE state = 'PARKED'), min(created_at) FILTER (WHERE state = 'READY')
      FROM kq_job WHERE queue_name = ? AND state <> 'DONE'""";

  private static final String FIND = """
      SELECT queue_name, job_id, state, attempts, max_attempts, owner, version, run_at, last_heartbeat, last_error,
             created_at, finished_at
      FROM kq_job WHERE queue_name = ? AND job_id = ?""";

  private static final String LOCK_UNFINISHED = """
      SELECT payload FROM kq_job WHERE queue_name = ? AND job_id = ? AND state IN ('READY', 'RUNNING') FOR UPDATE""";

  private static final String REPLACE_PAYLOAD = """
      UPDATE kq_job SET payload = ? WHERE queue_name = ? AND job_id = ? AND state IN ('READY', 'RUNNING')""";

  private static final String PURGE = "DELETE FROM kq_job WHERE state = 'DONE' AND finished_at < ?";

  private final DataSource dataSource;
  private final InstantSource clock;
  private final RetryPolicy retryPolicy;

  public JobQueue(DataSource dataSource, InstantSource clock, RetryPolicy retryPolicy) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
  }

  /** The backoff applied to failed and reaped jobs. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Stores a job unless one with the same id exists, and wakes listening consumers. */
  public Enqueued enqueue(NewJob job) {
    try (Connection c = dataSource.getConnection()) {
      return enqueue(c, job);
    } catch (SQLException e) {
      throw failure("enqueueing job " + job.id(), e);
    }
  }

  /**
   * As {@link #enqueue(NewJob)} inside the caller's transaction: the job (and its wake-up) become
   * visible when the caller commits.
   */
  public Enqueued enqueue(Connection connection, NewJob job) {
    Objects.requireNonNull(job, "job");
    Instant now = clock.instant();
    try (PreparedStatement s = connection.prepareStatement(ENQUEUE)) {
      s.setString(1, job.queue());
      s.setString(2, job.id());
      s.setString(3, job.payload());
      s.setInt(4, job.priority());
      s.setTimestamp(5, ts(job.runAt().orElse(now)));
      s.setInt(6, job.maxAttempts());
      s.setTimestamp(7, ts(now));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Enqueued.CREATED : Enqueued.DUPLICATE;
      }
    } catch (SQLException e) {
      throw failure("enqueueing job " + job.id(), e);
    }
  }

  /** Stores many jobs in one statement; existing ids are skipped. Returns how many were new. */
  public int enqueueAll(List<NewJob> jobs) {
    if (jobs.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    int n = jobs.size();
    String[] queues = new String[n];
    String[] ids = new String[n];
    String[] payloads = new String[n];
    Integer[] priorities = new Integer[n];
    Timestamp[] runAts = new Timestamp[n];
    Integer[] maxAttempts = new Integer[n];
    for (int i = 0; i < n; i++) {
      NewJob job = jobs.get(i);
      queues[i] = job.queue();
      ids[i] = job.id();
      payloads[i] = job.payload();
      priorities[i] = job.priority();
      runAts[i] = ts(job.runAt().orElse(now));
      maxAttempts[i] = job.maxAttempts();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(ENQUEUE_ALL)) {
      s.setTimestamp(1, ts(now));
      s.setArray(2, c.createArrayOf("text", queues));
      s.setArray(3, c.createArrayOf("text", ids));
      s.setArray(4, c.createArrayOf("text", payloads));
      s.setArray(5, c.createArrayOf("int4", priorities));
      s.setArray(6, c.createArrayOf("timestamptz", runAts));
      s.setArray(7, c.createArrayOf("int4", maxAttempts));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("enqueueing " + n + " jobs", e);
    }
  }

  /**
   * Claims up to {@code limit} due jobs of {@code queue} for {@code owner}, highest priority and
   * oldest first, skipping rows other consumers hold locked. Ask only for as many as you have free
   * workers.
   */
  public List<ClaimedJob> claim(String queue, String owner, int limit) {
    NewJob.requireName(queue, "queue");
    NewJob.requireName(owner, "owner");
    if (limit <= 0) {
      return List.of();
    }
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CLAIM)) {
      s.setString(1, owner);
      s.setTimestamp(2, ts(now));
      s.setTimestamp(3, ts(now));
      s.setString(4, queue);
      s.setTimestamp(5, ts(now));
      s.setInt(6, limit);
      List<ClaimedJob> claimed = new ArrayList<>(limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          claimed.add(new ClaimedJob(queue, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), owner,
              rs.getLong(5), instant(rs.getTimestamp(6)), now));
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw failure("claiming jobs of queue " + queue, e);
    }
  }

  /**
   * Marks a claimed job done.
   *
   * @throws KinitroException QUEUE_LEASE_LOST if the job was reaped or claimed by someone else since
   */
  public void complete(ClaimedJob job) {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(COMPLETE)) {
      s.setTimestamp(1, ts(now));
      s.setString(2, job.queue());
      s.setString(3, job.id());
      s.setLong(4, job.version());
      requireOwned(s.executeUpdate(), job, "complete");
    } catch (SQLException e) {
      throw failure("completing job " + job.id(), e);
    }
  }

  /**
   * Marks many claimed jobs of one queue done in one statement.
   *
   * @return the jobs whose write was refused because their claim was lost
   */
  public List<ClaimedJob> completeAll(List<ClaimedJob> jobs) {
    if (jobs.isEmpty()) {
      return List.of();
    }
    String queue = jobs.getFirst().queue();
    String[] ids = new String[jobs.size()];
    Long[] versions = new Long[jobs.size()];
    for (int i = 0; i < jobs.size(); i++) {
      ClaimedJob job = jobs.get(i);
      if (!job.queue().equals(queue)) {
        throw new KinitroException(ErrorCode.QUEUE_ITEM_REJECTED, "completeAll takes jobs of one queue; got " + queue + " and " + job.queue());
      }
      ids[i] = job.id();
      versions[i] = job.version();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(COMPLETE_ALL)) {
      s.setTimestamp(1, ts(clock.instant()));
      s.setArray(2, c.createArrayOf("text", ids));
      s.setArray(3, c.createArrayOf("int8", versions));
      s.setString(4, queue);
      Set<String> done = new HashSet<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          done.add(rs.getString(1));
        }
      }
      return jobs.stream().filter(j -> !done.contains(j.id())).toList();
    } catch (SQLException e) {
      throw failure("completing " + jobs.size() + " jobs", e);
    }
  }

  /**
   * Records a failed attempt. A retryable failure puts the job back, due after the backoff for its
   * attempt count; a permanent failure, or one on the last attempt, parks it.
   *
   * @throws KinitroException QUEUE_LEASE_LOST if the claim was lost meanwhile
   */
  public FailOutcome fail(ClaimedJob job, String error, boolean retryable) {
    Instant now = clock.instant();
    boolean park = !retryable || job.lastAttempt();
    Instant runAt = park ? now : now.plus(retryPolicy.delayAfter(job.attempt()));
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(FAIL)) {
      s.setString(1, park ? JobState.PARKED.name() : JobState.READY.name());
      s.setTimestamp(2, ts(runAt));
      s.setString(3, clip(error, MAX_ERROR_LENGTH));
      s.setTimestamp(4, park ? ts(now) : null);
      s.setString(5, job.queue());
      s.setString(6, job.id());
      s.setLong(7, job.version());
      requireOwned(s.executeUpdate(), job, "fail");
      return park ? FailOutcome.PARKED : FailOutcome.RETRY_SCHEDULED;
    } catch (SQLException e) {
      throw failure("failing job " + job.id(), e);
    }
  }

  /**
   * Gives a claimed job back untouched (a consumer shutting down before it could run it): due now,
   * and the attempt is not counted.
   *
   * @throws KinitroException QUEUE_LEASE_LOST if the claim was lost meanwhile
   */
  public void release(ClaimedJob job) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(RELEASE);
          PreparedStatement n = c.prepareStatement(NOTIFY)) {
        s.setTimestamp(1, ts(clock.instant()));
        s.setString(2, job.queue());
        s.setString(3, job.id());
        s.setLong(4, job.version());
        int rows = s.executeUpdate();
        if (rows == 1) {
          n.setString(1, job.queue());
          n.executeQuery().close();
        }
        c.commit();
        requireOwned(rows, job, "release");
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("releasing job " + job.id(), e);
    }
  }

  /**
   * Refreshes the heartbeat of jobs this owner still holds (one statement).
   *
   * @return the ids whose claim was lost (reaped or taken over): stop working on them
   */
  public Set<String> heartbeat(String queue, Collection<ClaimedJob> jobs) {
    if (jobs.isEmpty()) {
      return Set.of();
    }
    String[] ids = new String[jobs.size()];
    Long[] versions = new Long[jobs.size()];
    int i = 0;
    for (ClaimedJob job : jobs) {
      ids[i] = job.id();
      versions[i++] = job.version();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(HEARTBEAT)) {
      s.setTimestamp(1, ts(clock.instant()));
      s.setArray(2, c.createArrayOf("text", ids));
      s.setArray(3, c.createArrayOf("int8", versions));
      s.setString(4, queue);
      Set<String> alive = new HashSet<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          alive.add(rs.getString(1));
        }
      }
      Set<String> lost = new HashSet<>();
      for (ClaimedJob job : jobs) {
        if (!alive.contains(job.id())) {
          lost.add(job.id());
        }
      }
      return lost;
    } catch (SQLException e) {
      throw failure("heartbeating " + jobs.size() + " jobs of queue " + queue, e);
    }
  }

  /**
   * Takes back running jobs (of every queue) whose owner has not heartbeated for longer than
   * {@code deadAfter} (heartbeat interval × missed-heartbeat limit): each goes back to the queue,
   * due after the backoff for its attempt count, or is parked if its attempts are exhausted.
   */
  public List<ReapedJob> reapDead(Duration deadAfter) {
    Objects.requireNonNull(deadAfter, "deadAfter");
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(REAP);
          PreparedStatement n = c.prepareStatement(NOTIFY)) {
        s.setTimestamp(1, ts(now));
        s.setDouble(2, retryPolicy.max().toMillis() / 1000.0);
        s.setDouble(3, retryPolicy.initial().toMillis() / 1000.0);
        s.setDouble(4, retryPolicy.multiplier());
        s.setTimestamp(5, ts(now));
        s.setTimestamp(6, ts(now.minus(deadAfter)));
        s.setInt(7, REAP_BATCH);
        List<ReapedJob> reaped = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            FailOutcome outcome = JobState.valueOf(rs.getString(5)) == JobState.PARKED ? FailOutcome.PARKED : FailOutcome.RETRY_SCHEDULED;
            reaped.add(new ReapedJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), outcome));
          }
        }
        for (String queue : reaped.stream().filter(r -> r.outcome() == FailOutcome.RETRY_SCHEDULED).map(ReapedJob::queue).distinct().toList()) {
          n.setString(1, queue);
          n.executeQuery().close();
        }
        c.commit();
        return reaped;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("reaping dead jobs", e);
    }
  }

  /** Depth and oldest waiting age of {@code queue}. */
  public QueueStats stats(String queue) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(STATS)) {
      s.setString(1, queue);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        Instant oldest = instant(rs.getTimestamp(4));
        Optional<Duration> age = Optional.ofNullable(oldest).map(o -> maxZero(Duration.between(o, clock.instant())));
        return new QueueStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), age);
      }
    } catch (SQLException e) {
      throw failure("reading the depth of queue " + queue, e);
    }
  }

  /** The stored row of a job, if any. */
  public Optional<JobRecord> find(String queue, String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(FIND)) {
      s.setString(1, queue);
      s.setString(2, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new JobRecord(rs.getString(1), rs.getString(2), JobState.valueOf(rs.getString(3)),
            rs.getInt(4), rs.getInt(5), Optional.ofNullable(rs.getString(6)), rs.getLong(7),
            instant(rs.getTimestamp(8)), Optional.ofNullable(instant(rs.getTimestamp(9))),
            Optional.ofNullable(rs.getString(10)), instant(rs.getTimestamp(11)),
            Optional.ofNullable(instant(rs.getTimestamp(12)))));
      }
    } catch (SQLException e) {
      throw failure("reading job " + id, e);
    }
  }

  /**
   * The payload of a job that has not finished (waiting or running), locked until the caller's
   * transaction ends so that {@link #replacePayload} can change it without a concurrent writer in
   * between. Empty when the job is unknown, done or parked.
   */
  public Optional<String> lockUnfinishedPayload(Connection connection, String queue, String id) {
    try (PreparedStatement s = connection.prepareStatement(LOCK_UNFINISHED)) {
      s.setString(1, queue);
      s.setString(2, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("locking job " + id, e);
    }
  }

  /**
   * Replaces the payload of a job that has not finished, inside the caller's transaction. Nothing
   * else changes: not its state, attempts or place in the queue, and not the version a running
   * owner's writes are checked against (the owner keeps working with the payload it claimed; a
   * later claim, e.g. a retry, reads the new one).
   *
   * @return false if the job is unknown, done or parked (nothing was written)
   */
  public boolean replacePayload(Connection connection, String queue, String id, String payload) {
    Objects.requireNonNull(payload, "payload");
    try (PreparedStatement s = connection.prepareStatement(REPLACE_PAYLOAD)) {
      s.setString(1, payload);
      s.setString(2, queue);
      s.setString(3, id);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("replacing the payload of job " + id, e);
    }
  }

  /**
   * Deletes finished jobs older than {@code finishedBefore}. Until then a redelivered job id stays
   * a duplicate; keep them longer than the backend's redelivery horizon (a job's deadline).
   */
  public int purgeFinished(Instant finishedBefore) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(PURGE)) {
      s.setTimestamp(1, ts(finishedBefore));
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure("purging finished jobs", e);
    }
  }

  private static void requireOwned(int rows, ClaimedJob job, String action) {
    if (rows != 1) {
      throw new KinitroException(ErrorCode.QUEUE_LEASE_LOST,
          "cannot " + action + " job " + job.id() + " of queue " + job.queue() + ": owner " + job.owner()
              + " no longer holds it (claim version " + job.version() + " was reaped or taken over)");
    }
  }

  private static Duration maxZero(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
