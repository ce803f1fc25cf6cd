package ai.kinitro.evaluator.report;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.DurableMessage;
import ai.kinitro.common.protocol.validator.EpisodeData;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends validator → backend frames to the outbox, where the validator's relay picks them up in
 * order. Status updates, episodes and step batches get fresh message ids; a job's result gets an
 * id derived from the job id ({@link #resultMessageId}), so writing it twice (a retry after the
 * job's completion could not be recorded) stores it once.
 */
public final class BackendReports {
  private final Outbox outbox;
  private final ProtocolCodec<ValidatorMessage> codec;
  private final String topic;
  private final InstantSource clock;

  public BackendReports(Outbox outbox, ProtocolCodec<ValidatorMessage> codec, String topic, InstantSource clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The message id of job {@code jobId}'s one {@code eval_result}. */
  public static UUID resultMessageId(long jobId) {
    return UUID.nameUUIDFromBytes(("kinitro/eval_result/" + jobId).getBytes(StandardCharsets.UTF_8));
  }

  /** Reports a non-terminal status (QUEUED, STARTING, RUNNING) with a detail line. */
  public void status(long jobId, EvaluationStatus status, String detail) {
    String clipped = detail.length() > 4096 ? detail.substring(0, 4093) + "..." : detail;
    append(new JobStatusUpdate(UUID.randomUUID(), jobId, status, Optional.of(clipped), clock.instant()));
  }

  public void result(EvalResult result) {
    append(result);
  }

  public void episode(EpisodeData episode) {
    append(episode);
  }

  public void steps(EpisodeStepData steps) {
    append(steps);
  }

  private <M extends ValidatorMessage & DurableMessage> void append(M message) {
    outbox.append(new OutboxEntry(message.messageId(), topic, message.type().wireName(), codec.encode(message)));
  }
}
