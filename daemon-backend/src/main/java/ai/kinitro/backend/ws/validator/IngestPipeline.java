package ai.kinitro.backend.ws.validator;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.realtime.RealtimeConfig;
import ai.kinitro.backend.result.FrameUrls;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.DurableMessage;
import ai.kinitro.common.protocol.validator.EpisodeData;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.common.protocol.validator.ResultAck;
import ai.kinitro.common.protocol.validator.ResultLogs;
import ai.kinitro.common.protocol.validator.TaskResult;
import ai.kinitro.common.protocol.validator.ValidatorError;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes what validators report — statuses, results, episodes, steps — in batches: one writer
 * thread drains a bounded queue and commits up to {@code ingestBatchSize} messages per transaction
 * (steps of the whole batch in one statement), then acks each message and publishes the realtime
 * events. Idempotent: a repeated message id is acked {@code duplicate}; a report for a job not
 * assigned to the sender is acked {@code rejected} (JOB_NOT_ASSIGNED); result metadata comes from
 * the job, never from the message. A batch that fails is retried message by message, so one bad
 * message cannot block the others; a message that fails alone gets an {@code error} (not an ack),
 * and the validator redelivers it on its next connection. A rejected message, and a result
 * reporting a platform fault ({@link #isPlatformFault}), count as errors of the sending validator.
 */
final class IngestPipeline implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A received durable report and the connection to ack on. */
  record Work(ValidatorConnection from, String hotkey, DurableMessage message) {
    long jobId() {
      return switch (message) {
        case JobStatusUpdate m -> m.jobId();
        case EvalResult m -> m.jobId();
        case EpisodeData m -> m.jobId();
        case EpisodeStepData m -> m.jobId();
        default -> throw new IllegalArgumentException("not a validator report: " + message.getClass().getSimpleName());
      };
    }
  }

  private record Key(long jobId, String validator) {}

  private static final class Assignment {
    long id;
    long jobId;
    String validator;
    String status;
    int attempts;
    long submissionId;
    long competitionId;
    String minerHotkey;
    String benchmarkName;
    Map<String, String> envByTask = new HashMap<>();

    boolean terminal() {
      return switch (status) {
        case "COMPLETED", "FAILED", "TIMEOUT", "CANCELLED" -> true;
        default -> false;
      };
    }
  }

  /** An answer to send; {@code validatorError}: the message counts as a validator error besides a rejection. */
  private record Reply(ValidatorConnection to, Object message, boolean validatorError) {
    Reply(ValidatorConnection to, Object message) {
      this(to, message, false);
    }

    Reply flagged(boolean error) {
      return new Reply(to, message, error);
    }
  }

  private record EpisodeKey(long jobId, String validator, String taskId, int episodeIndex) {}

  /** Rows of one batch written with one JDBC batch per statement. */
  private static final class Writes {
    final List<Object[]> completedAssignments = new ArrayList<>();
    final List<Object[]> statusEvents = new ArrayList<>();
    final List<Object[]> results = new ArrayList<>();
    final Map<String, Integer> resultsByValidator = new HashMap<>();
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final AssignmentLifecycle lifecycle;
  private final RealtimePublisher realtime;
  private final AssignmentNotifications.Sender notifications;
  private final RealtimeConfig realtimeConfig;
  private final FrameUrls frames;
  private final ValidatorChannelConfig config;
  private final Clock clock;
  private final BlockingQueue<Work> queue;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong stepsStored = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong batchNanos = new AtomicLong();
  private volatile boolean running;
  private Thread writer;

  IngestPipeline(JdbcTemplate jdbc, TransactionTemplate tx, IdGenerator ids, AssignmentLifecycle lifecycle,
      RealtimePublisher realtime, AssignmentNotifications.Sender notifications, RealtimeConfig realtimeConfig,
      FrameUrls frames, ValidatorChannelConfig config, Clock clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.tx = Objects.requireNonNull(tx, "tx");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.realtime = Objects.requireNonNull(realtime, "realtime");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.realtimeConfig = Objects.requireNonNull(realtimeConfig, "realtimeConfig");
    this.frames = Objects.requireNonNull(frames, "frames");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.queue = new ArrayBlockingQueue<>(config.ingestQueueCapacity());
  }

  /** Queues a report; false when the queue stays full for a second (the caller answers with an error). */
  boolean submit(Work work) {
    try {
      return queue.offer(work, 1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Messages acked stored or duplicate so far, and step records written. */
  long storedMessages() {
    return stored.get();
  }

  long storedSteps() {
    return stepsStored.get();
  }

  /** Batches written and the time spent writing them (for the benchmark and metrics). */
  String batchStats() {
    long n = batches.get();
    return n + " batches, " + (batchNanos.get() / 1_000_000) + " ms writing, "
        + (n == 0 ? 0 : stored.get() / n) + " messages per batch on average";
  }

  int backlog() {
    return queue.size();
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    writer = Thread.ofPlatform().name("kinitro-ingest").daemon(true).start(this::run);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (writer != null) {
      writer.interrupt();
      try {
        writer.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      writer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    List<Work> batch = new ArrayList<>(config.ingestBatchSize());
    while (running) {
      try {
        Work first = queue.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, config.ingestBatchSize() - 1);
        if (batch.size() < config.ingestBatchSize()) {
          long waitUntil = System.nanoTime() + config.ingestMaxDelay().toNanos();
          while (batch.size() < config.ingestBatchSize() && System.nanoTime() < waitUntil) {
            Work next = queue.poll(Math.max(1, (waitUntil - System.nanoTime()) / 1000), TimeUnit.MICROSECONDS);
            if (next == null) {
              break;
            }
            batch.add(next);
            queue.drainTo(batch, config.ingestBatchSize() - batch.size());
          }
        }
        long started = System.nanoTime();
        processBatch(batch);
        batches.incrementAndGet();
        batchNanos.addAndGet(System.nanoTime() - started);
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (Throwable t) {
        LOG.error("Ingest writer iteration failed; it goes on", t);
      } finally {
        batch.clear();
      }
    }
  }

  /** Writes one batch and answers each message (visible for tests and the benchmark). */
  void processBatch(List<Work> batch) {
    List<Reply> replies = new ArrayList<>();
    try {
      tx.executeWithoutResult(status -> {
        List<EventPayload> events = new ArrayList<>();
        write(batch, replies, events);
        realtime.publishAll(events);
      });
    } catch (RuntimeException e) {
      replies.clear();
      if (batch.size() > 1) {
        LOG.warn("A batch of {} reports failed; retrying them one by one", batch.size(), e);
        for (Work w : batch) {
          processBatch(List.of(w));
        }
        return;
      }
      Work w = batch.getFirst();
      LOG.warn("Report {} from {} could not be stored", w.message().messageId(), w.hotkey(), e);
      replies.add(new Reply(w.from(), ValidatorError.of(ErrorCode.INTERNAL_ERROR,
          "the backend could not store this message now; it will be redelivered on your next connection",
          Optional.of(w.message().messageId().toString()))));
    }
    for (Reply r : replies) {
      if (r.message() instanceof ResultAck ack && ack.outcome() != AckOutcome.REJECTED) {
        stored.incrementAndGet();
      }
      if (r.validatorError() || r.message() instanceof ResultAck ack && ack.outcome() == AckOutcome.REJECTED) {
        r.to().countError();
      }
      r.to().send((ai.kinitro.common.protocol.validator.ValidatorMessage) r.message());
    }
  }

  private void write(List<Work> batch, List<Reply> replies, List<EventPayload> events) {
    Instant now = clock.instant();
    Map<Key, Assignment> assignments = lockAssignments(batch);
    Set<UUID> seen = seenMessageIds(batch);
    Set<Long> touched = new HashSet<>();
    Map<EpisodeKey, List<StepRecord>> steps = new LinkedHashMap<>();
    Map<EpisodeKey, Assignment> stepOwners = new HashMap<>();
    Writes writes = new Writes();
    for (Work w : batch) {
      UUID messageId = w.message().messageId();
      Assignment a = assignments.get(new Key(w.jobId(), w.hotkey()));
      if (a == null) {
        replies.add(ack(w, AckOutcome.REJECTED, Optional.of(ErrorDetail.of(ErrorCode.JOB_NOT_ASSIGNED,
            "job " + w.jobId() + " was not assigned to this validator"))));
        continue;
      }
      if (!seen.add(messageId)) {
        replies.add(ack(w, AckOutcome.DUPLICATE, Optional.empty()));
        continue;
      }
      switch (w.message()) {
        case JobStatusUpdate m -> {
          status(a, m, now, events);
          replies.add(ack(w, AckOutcome.STORED, Optional.empty()));
        }
        case EvalResult m -> replies.add(result(w, a, m, now, events, writes));
        case EpisodeData m -> {
          episode(a, m, events);
          touched.add(a.id);
          replies.add(ack(w, AckOutcome.STORED, Optional.empty()));
        }
        case EpisodeStepData m -> {
          EpisodeKey key = new EpisodeKey(a.jobId, a.validator, m.taskId(), m.episodeIndex());
          steps.computeIfAbsent(key, k -> new ArrayList<>()).addAll(m.steps());
          stepOwners.put(key, a);
          markRunning(a, now);
          replies.add(ack(w, AckOutcome.STORED, Optional.empty()));
        }
        default -> replies.add(ack(w, AckOutcome.REJECTED, Optional.of(ErrorDetail.of(ErrorCode.UNEXPECTED_MESSAGE,
            "not a validator report"))));
      }
    }
    flush(writes);
    if (!steps.isEmpty()) {
      writeSteps(steps, stepOwners, events);
    }
    if (!touched.isEmpty()) {
      jdbc.update("""
          UPDATE job_assignments a SET progress_episodes = (SELECT count(*) FROM episodes e
                 WHERE e.assignment_id = a.id AND NOT e.pending_summary), updated_at = now()
          WHERE a.id = ANY(?)""", (Object) touched.toArray(Long[]::new));
    }
  }

  private Map<Key, Assignment> lockAssignments(List<Work> batch) {
    Set<Key> keys = new HashSet<>();
    batch.forEach(w -> keys.add(new Key(w.jobId(), w.hotkey())));
    Long[] jobIds = keys.stream().map(Key::jobId).toArray(Long[]::new);
    String[] validators = keys.stream().map(Key::validator).toArray(String[]::new);
    Map<Key, Assignment> out = new HashMap<>();
    jdbc.query("""
        SELECT a.id, a.job_id, a.validator_hotkey, a.status, a.attempts, j.submission_id, j.competition_id, j.miner_hotkey,
               j.benchmark_name, j.tasks::text
        FROM job_assignments a JOIN jobs j ON j.id = a.job_id
        WHERE (a.job_id, a.validator_hotkey) IN (SELECT * FROM unnest(?::bigint[], ?::text[]))
        ORDER BY a.id FOR UPDATE OF a""",
        rs -> {
          Assignment a = new Assignment();
          a.id = rs.getLong(1);
          a.jobId = rs.getLong(2);
          a.validator = rs.getString(3);
          a.status = rs.getString(4);
          a.attempts = rs.getInt(5);
          a.submissionId = rs.getLong(6);
          a.competitionId = rs.getLong(7);
          a.minerHotkey = rs.getString(8);
          a.benchmarkName = rs.getString(9);
          JSON.readTree(rs.getString(10)).forEach(t -> a.envByTask.put(t.path("task_id").asString(), t.path("env_name").asString()));
          out.put(new Key(a.jobId, a.validator), a);
        },
        jobIds, validators);
    return out;
  }

  private Set<UUID> seenMessageIds(List<Work> batch) {
    UUID[] ids = batch.stream().map(w -> w.message().messageId()).toArray(UUID[]::new);
    return new HashSet<>(jdbc.queryForList("""
        SELECT message_id FROM results WHERE message_id = ANY(?)
        UNION SELECT message_id FROM job_status_events WHERE message_id = ANY(?)
        UNION SELECT message_id FROM episodes WHERE message_id = ANY(?)""", UUID.class, ids, ids, ids));
  }

  private void status(Assignment a, JobStatusUpdate m, Instant now, List<EventPayload> events) {
    jdbc.update("""
        INSERT INTO job_status_events (id, job_id, assignment_id, validator_hotkey, status, detail, message_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        ids.next(), a.jobId, a.id, a.validator, m.status().name(), m.detail().orElse(null), m.messageId(), Timestamp.from(m.timestamp()));
    if (a.terminal()) {
      return; // a late progress report of a finished assignment changes nothing
    }
    String next = m.status() == EvaluationStatus.QUEUED ? "DELIVERED" : m.status().name();
    jdbc.update("""
        UPDATE job_assignments SET status = ?, status_detail = ?, version = version + 1, updated_at = ?,
               started_at = CASE WHEN ? IN ('STARTING', 'RUNNING') THEN coalesce(started_at, ?) ELSE started_at END
        WHERE id = ?""",
        next, m.detail().orElse(null), Timestamp.from(now), next, Timestamp.from(m.timestamp()), a.id);
    a.status = next;
    events.add(new EventPayload.JobStatusChanged(a.jobId, Optional.of(a.validator), m.status(), m.detail(), m.timestamp()));
  }

  private void markRunning(Assignment a, Instant now) {
    if (a.status.equals("DELIVERED") || a.status.equals("STARTING") || a.status.equals("QUEUED")) {
      jdbc.update("UPDATE job_assignments SET status = 'RUNNING', started_at = coalesce(started_at, ?), version = version + 1, "
          + "updated_at = ? WHERE id = ?", Timestamp.from(now), Timestamp.from(now), a.id);
      a.status = "RUNNING";
    }
  }

  /** SQL types of a results row, so nulls need no parameter-type lookups. */
  private static final int[] RESULT_TYPES = {
      Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
      Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.INTEGER, Types.VARCHAR,
      Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.OTHER, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP,
      Types.TIMESTAMP};

  private void flush(Writes writes) {
    if (!writes.completedAssignments.isEmpty()) {
      jdbc.batchUpdate("""
          UPDATE job_assignments SET status = 'COMPLETED', finished_at = ?, status_detail = 'completed',
                 version = version + 1, updated_at = ? WHERE id = ?""", writes.completedAssignments,
          new int[] {Types.TIMESTAMP, Types.TIMESTAMP, Types.BIGINT});
    }
    if (!writes.statusEvents.isEmpty()) {
      jdbc.batchUpdate("""
          INSERT INTO job_status_events (id, job_id, assignment_id, validator_hotkey, status, detail, created_at)
          VALUES (?, ?, ?, ?, 'COMPLETED', 'Evaluation completed', ?)""", writes.statusEvents,
          new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP});
    }
    if (!writes.results.isEmpty()) {
      jdbc.batchUpdate("""
          INSERT INTO results (id, assignment_id, job_id, submission_id, competition_id, miner_hotkey, validator_hotkey,
                               benchmark_name, status, failure_class, score, success_rate, avg_reward, total_episodes, tasks,
                               error_code, error_name, error_message, extra, message_id, received_at, started_at, finished_at,
                               result_time)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""", writes.results, RESULT_TYPES);
    }
    writes.resultsByValidator.forEach((validator, count) -> jdbc.update(
        "UPDATE validators SET total_results_received = total_results_received + ?, updated_at = now() WHERE hotkey = ?",
        count, validator));
  }

  private Reply result(Work w, Assignment a, EvalResult m, Instant now, List<EventPayload> events, Writes writes) {
    if (a.terminal()) {
      return ack(w, AckOutcome.REJECTED, Optional.of(ErrorDetail.of(ErrorCode.CONFLICT,
          "job " + a.jobId + " already has a final result from this validator")));
    }
    AssignmentLifecycle.FailureClass failure = m.error().map(e -> AssignmentLifecycle.FailureClass.of(e.code())).orElse(null);
    boolean platformFault = m.error().map(e -> isPlatformFault(e.code())).orElse(false);
    if (failure != null) {
      ErrorDetail error = m.error().get();
      var outcome = lifecycle.finishAttempt(a.id, a.jobId, a.validator, Math.max(a.attempts, 1), m.status().name(), failure,
          error.code(), error.name(), error.message(), Optional.of(m.messageId()), now);
      if (outcome == AssignmentLifecycle.Outcome.RETRIED) {
        a.status = "QUEUED";
        notifications.queued(List.of(a.validator));
        events.add(new EventPayload.JobStatusChanged(a.jobId, Optional.of(a.validator), EvaluationStatus.QUEUED,
            Optional.of("platform fault, retrying: " + error.name()), now));
        return ack(w, AckOutcome.STORED, Optional.empty()).flagged(platformFault);
      }
    } else {
      writes.completedAssignments.add(new Object[] {Timestamp.from(now), Timestamp.from(now), a.id});
      writes.statusEvents.add(new Object[] {ids.next(), a.jobId, a.id, a.validator, Timestamp.from(now)});
    }
    a.status = m.status().name();
    var metrics = m.metrics();
    writes.results.add(new Object[] {ids.next(), a.id, a.jobId, a.submissionId, a.competitionId, a.minerHotkey, a.validator, a.benchmarkName,
        m.status().name(), failure == null ? null : failure.name(),
        metrics.map(x -> x.score()).orElse(null), metrics.map(x -> x.successRate()).orElse(null),
        metrics.map(x -> x.avgReward()).orElse(null), metrics.map(x -> x.totalEpisodes()).orElse(null), tasksJson(m.tasks()),
        m.error().map(ErrorDetail::code).orElse(null), m.error().map(ErrorDetail::name).orElse(null),
        m.error().map(ErrorDetail::message).orElse(null), extraJson(m.logs()), m.messageId(), Timestamp.from(m.timings().receivedAt()),
        m.timings().startedAt().map(Timestamp::from).orElse(null), Timestamp.from(m.timings().finishedAt()), Timestamp.from(now)});
    writes.resultsByValidator.merge(a.validator, 1, Integer::sum);
    events.add(new EventPayload.EvaluationCompleted(a.jobId, a.submissionId, a.validator, a.minerHotkey,
        Long.toString(a.competitionId), ai.kinitro.backend.chain.TaskPlan.wireToken(a.benchmarkName), m.status(), metrics, now));
    events.add(new EventPayload.JobCompleted(a.jobId, Optional.of(a.validator), m.status(),
        m.error().map(e -> e.name() + ": " + e.message()).map(s -> s.length() > 4096 ? s.substring(0, 4096) : s), now));
    return ack(w, AckOutcome.STORED, Optional.empty()).flagged(platformFault);
  }

  /**
   * A result error that counts against the validator: one of ours (INTERNAL) or of a system the
   * validator depends on (EXTERNAL). Agent faults (USER) and exhausted resources do not.
   */
  static boolean isPlatformFault(int errorCode) {
    return ErrorCode.fromNumber(errorCode)
        .map(c -> c.category() == ErrorCategory.INTERNAL || c.category() == ErrorCategory.EXTERNAL).orElse(false);
  }

  private void episode(Assignment a, EpisodeData m, List<EventPayload> events) {
    String env = a.envByTask.getOrDefault(m.taskId(), m.taskId());
    jdbc.update("""
        INSERT INTO episodes (id, job_id, assignment_id, submission_id, validator_hotkey, task_id, episode_index, env_name,
                              benchmark_name, success, final_reward, steps, started_at, ended_at, extra_metrics,
                              pending_summary, message_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, false, ?)
        ON CONFLICT (job_id, validator_hotkey, task_id, episode_index) DO UPDATE SET
          assignment_id = EXCLUDED.assignment_id, env_name = EXCLUDED.env_name, success = EXCLUDED.success,
          final_reward = EXCLUDED.final_reward, steps = EXCLUDED.steps, started_at = EXCLUDED.started_at,
          ended_at = EXCLUDED.ended_at, extra_metrics = EXCLUDED.extra_metrics, pending_summary = false,
          message_id = EXCLUDED.message_id, updated_at = now()""",
        ids.next(), a.jobId, a.id, a.submissionId, a.validator, m.taskId(), m.episodeIndex(), env, a.benchmarkName,
        m.success(), m.finalReward(), m.steps(), Timestamp.from(m.startedAt()), Timestamp.from(m.endedAt()),
        JSON.writeValueAsString(m.extraMetrics()), m.messageId());
    markRunning(a, clock.instant());
    events.add(new EventPayload.EpisodeCompleted(a.jobId, a.submissionId, a.validator, m.taskId(), m.episodeIndex(),
        ai.kinitro.backend.chain.TaskPlan.wireToken(env), m.success(), m.finalReward(), m.steps(), m.startedAt(), m.endedAt()));
  }

  private void writeSteps(Map<EpisodeKey, List<StepRecord>> steps, Map<EpisodeKey, Assignment> owners, List<EventPayload> events) {
    int n = steps.size();
    Long[] placeholderIds = new Long[n];
    Long[] jobIds = new Long[n];
    Long[] assignmentIds = new Long[n];
    Long[] submissionIds = new Long[n];
    String[] validators = new String[n];
    String[] taskIds = new String[n];
    Integer[] episodeIndexes = new Integer[n];
    String[] envs = new String[n];
    String[] benchmarks = new String[n];
    int i = 0;
    for (EpisodeKey k : steps.keySet()) {
      Assignment a = owners.get(k);
      placeholderIds[i] = ids.next();
      jobIds[i] = k.jobId();
      assignmentIds[i] = a.id;
      submissionIds[i] = a.submissionId;
      validators[i] = k.validator();
      taskIds[i] = k.taskId();
      episodeIndexes[i] = k.episodeIndex();
      envs[i] = a.envByTask.getOrDefault(k.taskId(), k.taskId());
      benchmarks[i] = a.benchmarkName;
      i++;
    }
    Map<EpisodeKey, Long> episodeIds = new HashMap<>();
    jdbc.query("""
        INSERT INTO episodes (id, job_id, assignment_id, submission_id, validator_hotkey, task_id, episode_index, env_name,
                              benchmark_name, pending_summary)
        SELECT u.*, true FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[],
                                     ?::text[], ?::text[]) AS u
        ON CONFLICT (job_id, validator_hotkey, task_id, episode_index) DO UPDATE SET updated_at = episodes.updated_at
        RETURNING id, job_id, validator_hotkey, task_id, episode_index""",
        rs -> {
          episodeIds.put(new EpisodeKey(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)), rs.getLong(1));
        },
        placeholderIds, jobIds, assignmentIds, submissionIds, validators, taskIds, episodeIndexes, envs, benchmarks);
    int total = steps.values().stream().mapToInt(List::size).sum();
    Long[] stepIds = new Long[total];
    Long[] episodeRefs = new Long[total];
    Integer[] numbers = new Integer[total];
    String[] actions = new String[total];
    Double[] rewards = new Double[total];
    Boolean[] dones = new Boolean[total];
    Boolean[] truncateds = new Boolean[total];
    String[] refs = new String[total];
    String[] infos = new String[total];
    String[] times = new String[total];
    int j = 0;
    int sample = realtimeConfig.stepSampleEvery();
    for (Map.Entry<EpisodeKey, List<StepRecord>> e : steps.entrySet()) {
      long episodeId = episodeIds.get(e.getKey());
      Assignment a = owners.get(e.getKey());
      for (StepRecord s : e.getValue()) {
        stepIds[j] = ids.next();
        episodeRefs[j] = episodeId;
        numbers[j] = s.step();
        actions[j] = JSON.writeValueAsString(s.action());
        rewards[j] = s.reward();
        dones[j] = s.done();
        truncateds[j] = s.truncated();
        refs[j] = refsJson(s.observationRefs());
        infos[j] = JSON.writeValueAsString(s.info());
        times[j] = s.timestamp().toString();
        j++;
        if (s.step() % sample == 0 || s.done() || s.truncated()) {
          events.add(new EventPayload.EpisodeStep(a.jobId, a.submissionId, a.validator, e.getKey().taskId(),
              e.getKey().episodeIndex(), frames.withUrls(s)));
        }
      }
    }
    int written = jdbc.update("""
        INSERT INTO episode_steps (id, episode_id, step, action, reward, done, truncated, observation_refs, info, step_timestamp)
        SELECT u.id, u.episode_id, u.step, u.action::jsonb, u.reward, u.done, u.truncated, u.refs::jsonb, u.info::jsonb,
               u.ts::timestamptz
        FROM unnest(?::bigint[], ?::bigint[], ?::int[], ?::text[], ?::float8[], ?::bool[], ?::bool[], ?::text[], ?::text[],
                    ?::text[]) AS u(id, episode_id, step, action, reward, done, truncated, refs, info, ts)
        ON CONFLICT (episode_id, step) DO NOTHING""",
        stepIds, episodeRefs, numbers, actions, rewards, dones, truncateds, refs, infos, times);
    stepsStored.addAndGet(written);
  }

  private static String tasksJson(List<TaskResult> tasks) {
    ArrayNode array = JSON.createArrayNode();
    for (TaskResult t : tasks) {
      array.addObject().put("task_id", t.taskId()).put("episodes", t.episodes()).put("successes", t.successes())
          .put("errored_episodes", t.erroredEpisodes()).put("mean_reward", t.meanReward()).put("mean_steps", t.meanSteps());
    }
    return array.toString();
  }

  /** {@code results.extra}: the reported logs under {@code logs} (shape of the protocol's {@code logs}), else {@code {}}. */
  static String extraJson(Optional<ResultLogs> logs) {
    ObjectNode extra = JSON.createObjectNode();
    logs.ifPresent(l -> {
      ObjectNode o = extra.putObject("logs");
      l.text().ifPresent(t -> o.put("text", t));
      o.put("truncated", l.truncated());
      l.artifact().ifPresent(a -> {
        ObjectNode artifact = o.putObject("artifact").put("bucket", a.bucket()).put("object_key", a.objectKey())
            .put("uploaded_at", a.uploadedAt().toString());
        a.publicUrl().ifPresent(u -> artifact.put("public_url", u.toString()));
      });
    });
    return extra.toString();
  }

  private static String refsJson(List<ObservationRef> refs) {
    ArrayNode array = JSON.createArrayNode();
    for (ObservationRef r : refs) {
      ObjectNode o = array.addObject().put("camera", r.camera()).put("bucket", r.bucket()).put("key", r.key());
      r.url().ifPresent(u -> o.put("url", u.toString()));
    }
    return array.toString();
  }

  private static Reply ack(Work w, AckOutcome outcome, Optional<ErrorDetail> error) {
    return new Reply(w.from(), new ResultAck(w.message().messageId(), outcome, error));
  }

}
