package ai.kinitro.backend.ws.validator;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.backend.vault.PresignedUrl;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.Artifact;
import ai.kinitro.common.protocol.validator.BenchmarkSpec;
import ai.kinitro.common.protocol.validator.DeliveryAck;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durable delivery of assignments. An assignment stays pending until its validator acks the
 * {@code eval_job} that carries it; every registered connection gets each pending assignment once
 * (so a reconnect resends all unacked ones, with the same message id); an assignment whose
 * deadline passed without a terminal result times out as a platform fault and is retried or
 * finished ({@link #pollOnce()}). A refused delivery and a missed deadline count as errors of
 * the validator.
 */
final class JobDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(JobDelivery.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int BATCH = 200;

  private record Pending(long assignmentId, long jobId, UUID deliveredMessageId, Instant deadline, long submissionId,
      long competitionId, String minerHotkey, String provider, String benchmarkName, String spec, String tasks,
      Instant createdAt, String objectKey, String sha256, long sizeBytes) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final VaultService vault;
  private final ValidatorConnections connections;
  private final AssignmentLifecycle lifecycle;
  private final RealtimePublisher realtime;
  private final AssignmentNotifications.Sender notifications;
  private final ValidatorChannelConfig config;
  private final IdGenerator ids;
  private final java.time.Duration deadline;
  private final Clock clock;

  JobDelivery(JdbcTemplate jdbc, TransactionTemplate tx, VaultService vault, ValidatorConnections connections,
      AssignmentLifecycle lifecycle, RealtimePublisher realtime, AssignmentNotifications.Sender notifications,
      ValidatorChannelConfig config, IdGenerator ids,
      java.time.Duration deadline, Clock clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.tx = Objects.requireNonNull(tx, "tx");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.realtime = Objects.requireNonNull(realtime, "realtime");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.config = Objects.requireNonNull(config, "config");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One sweep: deadlines, then pending assignments to every connected validator. */
  void pollOnce() {
    reapDeadlines();
    for (ValidatorConnection c : connections.all()) {
      deliverPending(c);
    }
  }

  /** Delivers to one validator if it is connected here (after a NOTIFY). */
  void deliverTo(String hotkey) {
    connections.get(hotkey).ifPresent(this::deliverPending);
  }

  /** Sends every pending assignment not yet sent on this connection; returns how many were sent. */
  int deliverPending(ValidatorConnection connection) {
    if (!connection.registered() || !connection.open()) {
      return 0;
    }
    String hotkey = connection.hotkey();
    List<Pending> pending = jdbc.query("""
        SELECT a.id, a.job_id, a.delivered_message_id, a.deadline, j.submission_id, j.competition_id, j.miner_hotkey,
               j.provider, j.benchmark_name, j.spec::text, j.tasks::text, j.created_at, s.artifact_object_key,
               s.artifact_sha256, s.artifact_size_bytes
        FROM job_assignments a JOIN jobs j ON j.id = a.job_id JOIN submissions s ON s.id = j.submission_id
        WHERE a.validator_hotkey = ? AND a.status IN ('QUEUED', 'DELIVERED') AND a.acked_message_id IS NULL
        ORDER BY a.created_at, a.id LIMIT ?""",
        (rs, i) -> new Pending(rs.getLong(1), rs.getLong(2), (UUID) rs.getObject(3), ts(rs.getTimestamp(4)), rs.getLong(5),
            rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
            ts(rs.getTimestamp(12)), rs.getString(13), rs.getString(14).strip(), rs.getLong(15)),
        hotkey, BATCH);
    int sent = 0;
    for (Pending p : pending) {
      if (p.deliveredMessageId() != null && !connection.markSent(p.deliveredMessageId())) {
        continue;
      }
      Instant now = clock.instant();
      UUID messageId = p.deliveredMessageId() != null ? p.deliveredMessageId() : UUID.randomUUID();
      Instant deadline = p.deadline() != null ? p.deadline() : now.plus(this.deadline);
      int updated = jdbc.update("""
          UPDATE job_assignments SET status = 'DELIVERED', delivered_message_id = ?, delivered_at = ?, deadline = ?,
                 attempts = CASE WHEN delivered_message_id IS NULL THEN attempts + 1 ELSE attempts END,
                 version = version + 1, updated_at = ?
          WHERE id = ? AND status IN ('QUEUED', 'DELIVERED') AND acked_message_id IS NULL
            AND delivered_message_id IS NOT DISTINCT FROM ?""",
          messageId, Timestamp.from(now), Timestamp.from(deadline), Timestamp.from(now), p.assignmentId(), p.deliveredMessageId());
      if (updated == 0) {
        continue;
      }
      if (p.deliveredMessageId() == null) {
        connection.markSent(messageId);
        jdbc.update("UPDATE validators SET total_jobs_sent = total_jobs_sent + 1, updated_at = now() WHERE hotkey = ?", hotkey);
      }
      try {
        EvalJob job = evalJob(p, messageId, deadline, now);
        if (connection.send(job)) {
          sent++;
        }
      } catch (RuntimeException e) {
        LOG.warn("Could not build eval_job for assignment {} (job {})", p.assignmentId(), p.jobId(), e);
      }
    }
    return sent;
  }

  private EvalJob evalJob(Pending p, UUID messageId, Instant deadline, Instant now) {
    // the job's stored definition expanded with the job's stored seeds: the same spec the job was made with
    BenchmarkDefinition definition = JSON.readValue(p.spec(), BenchmarkDefinition.class);
    List<Long> seeds = new ArrayList<>();
    for (JsonNode t : JSON.readTree(p.tasks())) {
      seeds.add(Long.parseLong(t.path("seed").asString()));
    }
    if (seeds.size() != definition.tasks().size() * definition.variantsPerTask()) {
      throw new IllegalStateException("job " + p.jobId() + " stores " + seeds.size() + " task seeds but its benchmark has "
          + definition.tasks().size() * definition.variantsPerTask() + " tasks");
    }
    BenchmarkSpec benchmark = definition.toJobSpec(index -> seeds.get(Math.toIntExact(index)));
    PresignedUrl url = vault.presignDownload(p.objectKey(), vault.config().validatorUrlTtl());
    Instant created = p.createdAt().isAfter(deadline) ? deadline : p.createdAt();
    return new EvalJob(messageId, p.jobId(), p.submissionId(), Long.toString(p.competitionId()), p.minerHotkey(), benchmark,
        new Artifact(url.url(), url.expiresAt(), p.sha256(), p.sizeBytes()), deadline, created);
  }

  /** Handles a {@code delivery_ack}: the assignment is no longer pending; a rejection ends the attempt. */
  void onDeliveryAck(ValidatorConnection connection, DeliveryAck ack) {
    Instant now = clock.instant();
    List<EventPayload> events = new ArrayList<>();
    tx.executeWithoutResult(status -> {
      List<Object[]> rows = jdbc.query("""
          SELECT id, job_id, attempts FROM job_assignments
          WHERE validator_hotkey = ? AND delivered_message_id = ? AND acked_message_id IS NULL FOR UPDATE""",
          (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3)}, connection.hotkey(), ack.ackedMessageId());
      if (rows.isEmpty()) {
        return; // a set_weights ack, or a repeated ack
      }
      long assignmentId = (long) rows.getFirst()[0];
      long jobId = (long) rows.getFirst()[1];
      int attempts = (int) rows.getFirst()[2];
      jdbc.update("UPDATE job_assignments SET acked_message_id = ?, acked_at = ?, version = version + 1, updated_at = ? WHERE id = ?",
          ack.ackedMessageId(), Timestamp.from(now), Timestamp.from(now), assignmentId);
      if (ack.outcome() == AckOutcome.REJECTED) {
        connection.countError();
        var error = ack.error().orElseThrow();
        var outcome = lifecycle.finishAttempt(assignmentId, jobId, connection.hotkey(), attempts, "FAILED",
            AssignmentLifecycle.FailureClass.PLATFORM, error.code(), error.name(), "the validator refused the job: " + error.message(),
            Optional.empty(), now);
        if (outcome == AssignmentLifecycle.Outcome.FINAL) {
          lifecycle.writeFailureResult(assignmentId, jobId, connection.hotkey(), "FAILED", AssignmentLifecycle.FailureClass.PLATFORM,
              ErrorCode.fromNumber(error.code()).orElse(ErrorCode.INTERNAL_ERROR), error.message(), now);
          events.add(new EventPayload.JobCompleted(jobId, Optional.of(connection.hotkey()), EvaluationStatus.FAILED,
              Optional.of("refused by the validator: " + error.name()), now));
        }
        // a refused job is offered again by the sweep, not at once: the validator just said no
      }
      realtime.publishAll(events);
    });
  }

  /** Times out open assignments whose deadline passed (a platform fault: retried while attempts remain). */
  int reapDeadlines() {
    Instant now = clock.instant();
    List<Object[]> overdue = jdbc.query("""
        SELECT id, job_id, validator_hotkey, attempts FROM job_assignments
        WHERE status IN ('DELIVERED', 'STARTING', 'RUNNING') AND deadline IS NOT NULL AND deadline <= ?
        ORDER BY deadline LIMIT ?""",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)}, Timestamp.from(now), BATCH);
    int reaped = 0;
    for (Object[] row : overdue) {
      long assignmentId = (long) row[0];
      long jobId = (long) row[1];
      String validator = (String) row[2];
      Boolean done = tx.execute(status -> {
        Integer attempts = jdbc.query("""
            SELECT attempts FROM job_assignments WHERE id = ? AND status IN ('DELIVERED', 'STARTING', 'RUNNING')
              AND deadline <= ? FOR UPDATE""",
            rs -> rs.next() ? rs.getInt(1) : null, assignmentId, Timestamp.from(now));
        if (attempts == null) {
          return false;
        }
        String message = "no terminal result before the deadline";
        jdbc.update("UPDATE validators SET total_errors = total_errors + 1, updated_at = ? WHERE hotkey = ?",
            Timestamp.from(now), validator);
        var outcome = lifecycle.finishAttempt(assignmentId, jobId, validator, attempts, "TIMEOUT",
            AssignmentLifecycle.FailureClass.PLATFORM, ErrorCode.DELIVERY_DEADLINE_PASSED.number(),
            ErrorCode.DELIVERY_DEADLINE_PASSED.name(), message, Optional.empty(), now);
        List<EventPayload> events = new ArrayList<>();
        if (outcome == AssignmentLifecycle.Outcome.FINAL) {
          lifecycle.writeFailureResult(assignmentId, jobId, validator, "TIMEOUT", AssignmentLifecycle.FailureClass.PLATFORM,
              ErrorCode.DELIVERY_DEADLINE_PASSED, message, now);
          events.add(new EventPayload.JobCompleted(jobId, Optional.of(validator), EvaluationStatus.TIMEOUT, Optional.of(message), now));
        } else {
          events.add(new EventPayload.JobStatusChanged(jobId, Optional.of(validator), EvaluationStatus.QUEUED,
              Optional.of("timed out; queued again"), now));
          notifications.queued(List.of(validator));
        }
        realtime.publishAll(events);
        return true;
      });
      if (Boolean.TRUE.equals(done)) {
        reaped++;
      }
    }
    return reaped;
  }

  /**
   * Gives a validator that registers for the first time (or was away) assignments for recent jobs
   * it has none for; returns how many were created.
   */
  int backfill(String hotkey) {
    Instant now = clock.instant();
    Integer created = tx.execute(status -> {
      List<Object[]> jobs = jdbc.query("""
          SELECT j.id, jsonb_array_length(j.tasks) * coalesce((j.spec->>'episodes_per_task')::int,
                 (j.spec->'config'->>'episodes_per_task')::int, 1)
          FROM jobs j
          WHERE j.created_at >= ? AND NOT EXISTS (SELECT 1 FROM job_assignments a WHERE a.job_id = j.id AND a.validator_hotkey = ?)
          ORDER BY j.created_at, j.id LIMIT 1000""",
          (rs, i) -> new Object[] {rs.getLong(1), rs.getInt(2)}, Timestamp.from(now.minus(config.backfillWindow())), hotkey);
      for (Object[] job : jobs) {
        long assignmentId = ids.next();
        jdbc.update("""
            INSERT INTO job_assignments (id, job_id, validator_hotkey, status, total_episodes, created_at, updated_at)
            VALUES (?, ?, ?, 'QUEUED', ?, ?, ?) ON CONFLICT (job_id, validator_hotkey) DO NOTHING""",
            assignmentId, job[0], hotkey, job[1], Timestamp.from(now), Timestamp.from(now));
        jdbc.update("""
            INSERT INTO job_status_events (id, job_id, assignment_id, validator_hotkey, status, detail, created_at)
            VALUES (?, ?, ?, ?, 'QUEUED', 'Assigned to the validator', ?)""",
            ids.next(), job[0], assignmentId, hotkey, Timestamp.from(now));
      }
      return jobs.size();
    });
    return created == null ? 0 : created;
  }

  private static Instant ts(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
