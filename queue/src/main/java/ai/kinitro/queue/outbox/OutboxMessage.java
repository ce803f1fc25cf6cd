package ai.kinitro.queue.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message claimed for sending.
 *
 * @param messageId the protocol message id
 * @param topic the destination
 * @param kind the message type
 * @param payload the frame to send
 * @param attempt this send's number, from 1
 * @param seq first-stored order
 * @param createdAt when it was stored (relay lag = ack time - this)
 */
public record OutboxMessage(UUID messageId, String topic, String kind, String payload, int attempt, long seq, Instant createdAt) {
  public OutboxMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
