package ai.kinitro.validator.intake;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.AckOutcome;
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

/** Stores evaluation jobs durably; the answer says how to ack them. */
public final class JobIntake {
  /** Metric: jobs received, by outcome (stored/duplicate). */
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

  /**
   * Stores the job unless its id is already held (waiting, running, finished or parked), and on
   * first receipt reports it QUEUED through the outbox, in the same transaction.
   *
   * @return {@code STORED} or {@code DUPLICATE}: the outcome to ack with
   */
  public AckOutcome store(EvalJob job) {
    NewJob entry = new NewJob(queueName, Long.toString(job.jobId()), codec.encode(job), 0, Optional.empty(), maxAttempts);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Enqueued result = queue.enqueue(c, entry);
        if (result == Enqueued.CREATED) {
          JobStatusUpdate queued = new JobStatusUpdate(UUID.randomUUID(), job.jobId(), EvaluationStatus.QUEUED,
              Optional.of(QUEUED_DETAIL), clock.instant());
          outbox.append(c, new OutboxEntry(queued.messageId(), topic, queued.type().wireName(), codec.encode(queued)));
        }
        c.commit();
        AckOutcome outcome = result == Enqueued.CREATED ? AckOutcome.STORED : AckOutcome.DUPLICATE;
        metrics.counter(RECEIVED, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        LOG.info("Job {} (message {}) for miner {}: {}", job.jobId(), job.messageId(), job.minerHotkey(), outcome);
        return outcome;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Jdbc.failure("storing job " + job.jobId(), e);
    }
  }
}
