package ai.kinitro.queue.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Backlog of one topic.
 *
 * @param pending messages not yet acked (never sent, or sent and awaiting the ack)
 * @param unsent pending messages never sent yet
 * @param parked messages refused for good
 * @param oldestPendingAge age of the oldest unacked message: the relay lag
 */
public record OutboxStats(long pending, long unsent, long parked, Optional<Duration> oldestPendingAge) {
  public OutboxStats {
    Objects.requireNonNull(oldestPendingAge, "oldestPendingAge");
  }
}
