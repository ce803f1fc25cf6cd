package ai.kinitro.backend.realtime;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One realtime client: its subscriptions and a bounded queue of frames drained by its own
 * (virtual) sender thread. Enqueuing never blocks: when the queue is full the connection is closed
 * ({@link ErrorCode#SUBSCRIBER_TOO_SLOW}), so a slow client never slows the fan-out to others.
 */
final class ClientConnection {
  private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
  private static final String POISON = "\u0000close";

  record Subscription(String id, Set<EventType> types, SubscriptionFilter filter) {
    boolean accepts(EventPayload payload) {
      return types.contains(payload.eventType()) && filter.accepts(payload);
    }
  }

  private final String connectionId;
  private final WebSocketSession session;
  private final ProtocolCodec<RealtimeMessage> codec;
  private final Clock clock;
  private final BlockingQueue<String> queue;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private long sequence;
  private volatile boolean closed;

  ClientConnection(String connectionId, WebSocketSession session, ProtocolCodec<RealtimeMessage> codec, Clock clock, int capacity) {
    this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
    this.session = Objects.requireNonNull(session, "session");
    this.codec = codec;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(capacity);
    Thread.ofVirtual().name("kinitro-realtime-send-" + connectionId).start(this::drain);
  }

  String connectionId() {
    return connectionId;
  }

  Map<String, Subscription> subscriptions() {
    return subscriptions;
  }

  boolean closed() {
    return closed;
  }

  /** Queues a reply or greeting. */
  void send(RealtimeMessage message) {
    offer(codec.encode(message));
  }

  /** Queues one event frame per matching subscription. */
  synchronized void deliver(EventPayload payload) {
    deliver(payload, null);
  }

  /**
   * Queues one event frame per matching subscription; {@code tail} is the frame's JSON after
   * {@code "sequence":n,} encoded once for all clients (null: encode here).
   */
  synchronized void deliver(EventPayload payload, String tail) {
    if (closed) {
      return;
    }
    for (Subscription s : subscriptions.values()) {
      if (s.accepts(payload)) {
        long n = ++sequence;
        offer(tail != null
            ? "{\"type\":\"event\",\"subscription_id\":\"" + s.id() + "\",\"sequence\":" + n + "," + tail
            : codec.encode(new Event(s.id(), n, clock.instant(), payload)));
      }
    }
  }

  /** Queues events for one subscription only (its initial state). */
  synchronized void deliverTo(Subscription subscription, List<EventPayload> payloads) {
    for (EventPayload payload : payloads) {
      if (subscription.accepts(payload)) {
        offer(codec.encode(new Event(subscription.id(), ++sequence, clock.instant(), payload)));
      }
    }
  }

  private void offer(String frame) {
    if (closed) {
      return;
    }
    if (!queue.offer(frame)) {
      LOG.info("Dropping realtime client {}: {} frames waiting", connectionId, queue.size());
      closeNow(CloseStatus.POLICY_VIOLATION.withReason(ErrorCode.SUBSCRIBER_TOO_SLOW.name()));
    }
  }

  void closeNow(CloseStatus status) {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    queue.offer(POISON);
    try {
      session.close(status);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Closing realtime client {} failed", connectionId, e);
    }
  }

  void onClosed() {
    closed = true;
    queue.clear();
    queue.offer(POISON);
  }

  private void drain() {
    try {
      while (true) {
        String frame = queue.poll(30, TimeUnit.SECONDS);
        if (frame == null) {
          if (closed || !session.isOpen()) {
            return;
          }
          continue;
        }
        if (frame == POISON || closed) {
          return;
        }
        session.sendMessage(new TextMessage(frame));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Realtime client {} send failed; closing", connectionId, e);
      closeNow(CloseStatus.SERVER_ERROR);
    }
  }
}
