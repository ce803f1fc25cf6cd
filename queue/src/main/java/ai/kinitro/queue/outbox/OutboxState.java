package ai.kinitro.queue.outbox;

/** Where an outbox message is. Acked messages are deleted. */
public enum OutboxState {
  /** Waiting to be sent, or sent and waiting for its ack. */
  PENDING,
  /** Refused for good by the receiver; kept for the operator, never resent. */
  PARKED
}
