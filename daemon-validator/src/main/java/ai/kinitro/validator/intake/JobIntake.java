package ai.kinitro.validator.intake;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.Artifact;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.queue.Enqueued;
import ai.kinitro.queue.Jdbc;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.NewJob;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores evaluation jobs durably; the answer says how to ack them. A job whose id is already held
 * and not finished may come again with a renewed presigned artifact URL (the backend re-sends it
 * with a new message id, or redelivers after a reconnect): its fresher URL and expiry replace the
 * stored ones, so the evaluator that claims the job next downloads through a URL that still works.
 */
public final class JobIntake {
  /** Metric: jobs received, by outcome (stored/refreshed/duplicate). */
  public static final String RECEIVED = "kinitro.intake.jobs";
  static final String QUEUED_DETAIL = "Stored in the validator's queue";

  private static final Logger LOG = LoggerFactory.getLogger(JobIntake.class);

  private final DataSource dataSource;
  private final JobQueue queue;
  private final Outbox outbox;
  private final ProtocolCodec<ValidatorMessage> codec;
  private final InstantSource clock;
  private final String queueName;
  private final String topic;
  private final int maxAttempts;
  private final MeterRegistry metrics;

  public JobIntake(DataSource dataSource, JobQueue queue, Outbox outbox, ProtocolCodec<ValidatorMessage> codec,
      InstantSource clock, String queueName, String topic, int maxAttempts, MeterRegistry metrics) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.queueName = Objects.requireNonNull(queueName, "queueName");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.maxAttempts = maxAttempts;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** What storing one {@code eval_job} did. */
  enum Stored {
    /** First receipt: queued, and reported QUEUED. */
    NEW,
    /** Already held and not finished: the fresher artifact URL and expiry replaced the stored ones. */
    REFRESHED,
    /** Already held (finished, or with an artifact at least as fresh): nothing changed. */
    DUPLICATE
  }

  /**
   * Stores the job unless its id is already held, and on first receipt reports it QUEUED through
   * the outbox, in the same transaction. When the id is held by a job that has not finished
   * (waiting or running) and this copy's artifact expires later, the stored job takes this copy's
   * artifact URL and expiry; nothing else of it changes (no second queue entry, no second QUEUED
   * report, attempts untouched).
   *
   * @return {@code STORED} (first receipt, or artifact refreshed) or {@code DUPLICATE}: the outcome
   *     to ack with
   */
  public AckOutcome store(EvalJob job) {
    String id = Long.toString(job.jobId());
    NewJob entry = new NewJob(queueName, id, codec.encode(job), 0, Optional.empty(), maxAttempts);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Stored stored;
        if (queue.enqueue(c, entry) == Enqueued.CREATED) {
          JobStatusUpdate queued = new JobStatusUpdate(UUID.randomUUID(), job.jobId(), EvaluationStatus.QUEUED,
              Optional.of(QUEUED_DETAIL), clock.instant());
          outbox.append(c, new OutboxEntry(queued.messageId(), topic, queued.type().wireName(), codec.encode(queued)));
          stored = Stored.NEW;
        } else {
          stored = refreshArtifact(c, id, job);
        }
        c.commit();
        AckOutcome outcome = stored == Stored.DUPLICATE ? AckOutcome.DUPLICATE : AckOutcome.STORED;
        metrics.counter(RECEIVED, "outcome", stored == Stored.NEW ? "stored" : stored.name().toLowerCase(java.util.Locale.ROOT))
            .increment();
        LOG.info("Job {} (message {}) for miner {}: {}", job.jobId(), job.messageId(), job.minerHotkey(),
            stored == Stored.REFRESHED ? "artifact URL renewed (expires " + job.artifact().expiresAt() + ")" : outcome);
        return outcome;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Jdbc.failure("storing job " + job.jobId(), e);
    }
  }

  /**
   * Gives the held, unfinished job {@code id} the artifact URL and expiry of {@code fresh} if they
   * expire later than the stored ones. The row stays locked until the caller commits, so two copies
   * arriving at once cannot both read the old payload. A copy naming another archive (digest or
   * size) is not the same job: it changes nothing and is logged.
   */
  private Stored refreshArtifact(Connection c, String id, EvalJob fresh) {
    Optional<String> payload = queue.lockUnfinishedPayload(c, queueName, id);
    if (payload.isEmpty()) {
      return Stored.DUPLICATE;
    }
    if (!(codec.decode(payload.get()) instanceof DecodeResult.Decoded<ValidatorMessage>(EvalJob held))) {
      LOG.warn("Job {} in the queue is not a readable eval_job; its artifact URL is left as it is", id);
      return Stored.DUPLICATE;
    }
    Artifact old = held.artifact();
    Artifact now = fresh.artifact();
    if (!old.sha256().equals(now.sha256()) || old.sizeBytes() != now.sizeBytes()) {
      LOG.warn("Job {} came again (message {}) naming another archive (sha256 {}, {} bytes) than the one held "
          + "(sha256 {}, {} bytes); the held job is kept unchanged", id, fresh.messageId(), now.sha256(), now.sizeBytes(),
          old.sha256(), old.sizeBytes());
      return Stored.DUPLICATE;
    }
    if (!now.expiresAt().isAfter(old.expiresAt())) {
      return Stored.DUPLICATE;
    }
    EvalJob renewed = new EvalJob(held.messageId(), held.jobId(), held.submissionId(), held.competitionId(),
        held.minerHotkey(), held.benchmark(), new Artifact(now.url(), now.expiresAt(), old.sha256(), old.sizeBytes()),
        held.deadline(), held.createdAt());
    return queue.replacePayload(c, queueName, id, codec.encode(renewed)) ? Stored.REFRESHED : Stored.DUPLICATE;
  }
}
