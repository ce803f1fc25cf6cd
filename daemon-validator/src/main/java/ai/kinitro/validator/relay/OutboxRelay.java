package ai.kinitro.validator.relay;

import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.ResultAck;
import ai.kinitro.common.protocol.validator.ValidatorError;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.notify.Wakeups;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxMessage;
import ai.kinitro.queue.outbox.OutboxRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays the outbox of one topic over whatever connection is current. The link calls {@link
 * #onConnected()} after each registration, {@link #relayOnce(FrameSender)} from its relay loop,
 * and {@link #onAck}/{@link #onError} for the backend's answers. All state that matters is in the
 * outbox table; the in-memory window only limits how much is in flight on this connection.
 */
public final class OutboxRelay {
  /** Metric: messages the backend acknowledged, by kind and outcome. */
  public static final String RELAYED = "kinitro.relay.messages";
  /** Metric: time from storing a message to its ack. */
  public static final String LAG = "kinitro.relay.lag";
  /** Metric: error replies from the backend, by code and action. */
  public static final String REFUSED = "kinitro.relay.refused";
  /** Metric: frames sent (first sends and resends). */
  public static final String SENT = "kinitro.relay.sent";

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final Outbox outbox;
  private final Wakeups wakeups;
  private final InstantSource clock;
  private final RefusalPolicy policy;
  private final RetryPolicy retry;
  private final String topic;
  private final String owner;
  private final int window;
  private final int batch;
  private final MeterRegistry metrics;
  private final Map<UUID, InFlight> inFlight = new ConcurrentHashMap<>();
  private final Counter sent;
  private final Timer lag;

  private record InFlight(String kind, int attempt, Instant sentAt, Instant createdAt) {}

  /**
   * @param retry the ack timeout and its growth; also the delay of a RETRY_LATER refusal
   * @param window messages awaiting an ack at most
   * @param batch messages claimed per round
   */
  public OutboxRelay(Outbox outbox, Wakeups wakeups, InstantSource clock, RefusalPolicy policy, RetryPolicy retry,
      String topic, String owner, int window, int batch, MeterRegistry metrics) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.wakeups = Objects.requireNonNull(wakeups, "wakeups");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.window = window;
    this.batch = batch;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.sent = Counter.builder(SENT).description("Frames relayed to the backend (including resends)").register(metrics);
    this.lag = Timer.builder(LAG).description("Time from storing a message in the outbox to the backend's ack").register(metrics);
  }

  /** The outbox topic this relay sends. */
  public String topic() {
    return topic;
  }

  /** A new connection is registered: forget the old window and make every pending message due, in order. */
  public void onConnected() {
    inFlight.clear();
    int due = outbox.redeliverAll(topic);
    if (due > 0) {
      LOG.info("Resending {} unacknowledged message(s) after (re)connecting", due);
    }
    wakeups.signal(topic);
  }

  /** Messages sent on this connection and not yet acked. */
  public int inFlight() {
    return inFlight.size();
  }

  /**
   * Sends as many due messages as the window allows.
   *
   * @return true if a full batch was sent (more may be due: call again at once)
   */
  public boolean relayOnce(FrameSender sender) throws InterruptedException {
    Instant now = clock.instant();
    Instant overdue = now.minus(retry.initial());
    inFlight.values().removeIf(f -> f.sentAt().isBefore(overdue));
    int free = Math.min(batch, window - inFlight.size());
    if (free <= 0) {
      return false;
    }
    List<OutboxMessage> due = outbox.claimDue(topic, owner, free);
    for (OutboxMessage m : due) {
      inFlight.put(m.messageId(), new InFlight(m.kind(), m.attempt(), now, m.createdAt()));
      sender.send(m.payload());
      sent.increment();
    }
    return due.size() == free;
  }

  /** The backend acknowledged a message: delete it (stored/duplicate) or park it (rejected). */
  public void onAck(ResultAck ack) {
    UUID id = ack.ackedMessageId();
    InFlight f = inFlight.remove(id);
    String kind = f == null ? kindOf(id) : f.kind();
    if (ack.outcome() == AckOutcome.REJECTED) {
      ErrorDetail error = ack.error().orElseThrow();
      outbox.park(id, error.code() + " " + error.name() + ": " + error.message());
      LOG.warn("The backend rejected {} {} for good ({} {}: {}); parked, never resent", kind, id, error.code(), error.name(),
          error.message());
    } else {
      boolean existed = outbox.ack(id);
      if (f != null && existed) {
        lag.record(Duration.between(f.createdAt(), clock.instant()));
      }
    }
    metrics.counter(RELAYED, "kind", kind, "outcome", ack.outcome().name().toLowerCase(java.util.Locale.ROOT)).increment();
    wakeups.signal(topic);
  }

  /** The backend answered with an error; if it names one of our messages, hold, park or defer it. */
  public void onError(ValidatorError error) {
    Optional<UUID> id = error.inReplyTo().flatMap(OutboxRelay::uuid);
    if (id.isEmpty()) {
      metrics.counter(REFUSED, "code", Integer.toString(error.code()), "action", "none").increment();
      LOG.warn("The backend reported error {} {}: {}", error.code(), error.name(), error.message());
      return;
    }
    InFlight f = inFlight.remove(id.get());
    int attempt = f != null ? f.attempt() : outbox.find(id.get()).map(OutboxRecord::attempts).orElse(0);
    RefusalPolicy.Action action = policy.decide(error.code(), attempt);
    String reason = error.code() + " " + error.name() + ": " + error.message();
    switch (action) {
      case HOLD_UNTIL_RECONNECT -> outbox.holdUntilRedelivery(id.get(), reason);
      case PARK -> outbox.park(id.get(), reason);
      case RETRY_LATER -> outbox.retryAfter(id.get(), retry.delayAfter(attempt), reason);
    }
    metrics.counter(REFUSED, "code", Integer.toString(error.code()), "action", action.name().toLowerCase(java.util.Locale.ROOT))
        .increment();
    LOG.warn("The backend refused message {} (attempt {}) with {} {}: {}; action {}", id.get(), attempt, error.code(),
        error.name(), error.message(), action);
  }

  private String kindOf(UUID id) {
    return outbox.find(id).map(OutboxRecord::kind).orElse("unknown");
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
