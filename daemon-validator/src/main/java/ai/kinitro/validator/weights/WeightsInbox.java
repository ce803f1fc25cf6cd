package ai.kinitro.validator.weights;

import ai.kinitro.common.protocol.validator.AckOutcome;
import ai.kinitro.common.protocol.validator.SetWeights;
import ai.kinitro.queue.notify.Wakeups;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores {@code set_weights} snapshots from the backend (before they are acked) and nudges the
 * weights duty. A snapshot for another subnet than the validator's own is stored (and acked, so it
 * is not resent) but never applied: it is logged as a warning once, when first stored, and counted
 * in {@value #FOREIGN_SNAPSHOTS}, because it means the backend and this validator disagree on the
 * netuid and no weights will be set.
 */
public final class WeightsInbox {
  /** Wake-up key of the weights duty. */
  public static final String WAKEUP = "weights";
  /** Metric: snapshots received for another netuid than the validator's, by the snapshot's netuid. */
  public static final String FOREIGN_SNAPSHOTS = "kinitro.weights.foreign.snapshots";

  private static final Logger LOG = LoggerFactory.getLogger(WeightsInbox.class);

  private final WeightsStore store;
  private final Wakeups wakeups;
  private final InstantSource clock;
  private final int netuid;
  private final MeterRegistry metrics;

  /**
   * @param netuid the subnet this validator sets weights on ({@code kinitro.validator.netuid})
   */
  public WeightsInbox(WeightsStore store, Wakeups wakeups, InstantSource clock, int netuid, MeterRegistry metrics) {
    this.store = Objects.requireNonNull(store, "store");
    this.wakeups = Objects.requireNonNull(wakeups, "wakeups");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.netuid = netuid;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Stores the snapshot; the outcome is what to ack with. */
  public AckOutcome store(SetWeights message) {
    AckOutcome outcome = store.store(WeightsSnapshot.of(message), WeightsStore.Source.BACKEND, clock.instant());
    if (message.netuid() != netuid) {
      if (outcome == AckOutcome.STORED) {
        LOG.warn("Weights snapshot {} (message {}) is for netuid {}, but this validator sets weights on netuid {} "
            + "(kinitro.validator.netuid): stored and never applied, so no weights are set. The backend's "
            + "kinitro.chain.netuid and this validator's netuid must name the same subnet", message.snapshotId(),
            message.messageId(), message.netuid(), netuid);
        metrics.counter(FOREIGN_SNAPSHOTS, "netuid", Integer.toString(message.netuid())).increment();
      }
      return outcome;
    }
    LOG.info("Weights snapshot {} (message {}, {} entries): {}", message.snapshotId(), message.messageId(),
        message.entries().size(), outcome);
    if (outcome == AckOutcome.STORED) {
      wakeups.signal(WAKEUP);
    }
    return outcome;
  }
}
