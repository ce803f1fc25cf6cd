package ai.kinitro.validator.weights;

import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.SetWeights;
import ai.kinitro.queue.notify.Wakeups;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores {@code set_weights} snapshots from the backend (before they are acked) and nudges the weights duty. */
public final class WeightsInbox {
  /** Wake-up key of the weights duty. */
  public static final String WAKEUP = "weights";

  private static final Logger LOG = LoggerFactory.getLogger(WeightsInbox.class);

  private final WeightsStore store;
  private final Wakeups wakeups;
  private final InstantSource clock;

  public WeightsInbox(WeightsStore store, Wakeups wakeups, InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.wakeups = Objects.requireNonNull(wakeups, "wakeups");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Stores the snapshot; the outcome is what to ack with. */
  public AckOutcome store(SetWeights message) {
    AckOutcome outcome = store.store(WeightsSnapshot.of(message), WeightsStore.Source.BACKEND, clock.instant());
    LOG.info("Weights snapshot {} (message {}, {} entries): {}", message.snapshotId(), message.messageId(),
        message.entries().size(), outcome);
    if (outcome == AckOutcome.STORED) {
      wakeups.signal(WAKEUP);
    }
    return outcome;
  }
}
