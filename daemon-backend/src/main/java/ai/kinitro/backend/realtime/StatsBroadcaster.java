package ai.kinitro.backend.realtime;

import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live {@code stats_updated}: every event that can change the global counters (heard on the
 * realtime channel, so after its transaction committed, whichever instance published it)
 * schedules one recomputation from the database, and the result goes to this instance's own
 * subscribers. Each instance does this for its own subscribers, so no instance publishes the
 * event to the others and all of them send the same counters. At most one event per
 * {@code stats-interval}: the first change is sent at once, the changes that follow within the
 * interval are sent together at its end. A failed computation is logged; the next change tries
 * again.
 */
public final class StatsBroadcaster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatsBroadcaster.class);

  /** Events after which the counters may differ (steps, episodes and progress change none). */
  static final Set<EventType> TRIGGERS = EnumSet.of(EventType.SUBMISSION_RECEIVED, EventType.JOB_CREATED,
      EventType.JOB_COMPLETED, EventType.EVALUATION_COMPLETED, EventType.VALIDATOR_CONNECTED,
      EventType.VALIDATOR_DISCONNECTED, EventType.LEADER_CANDIDATE_REVIEWED, EventType.COMPETITION_CREATED,
      EventType.COMPETITION_UPDATED);

  private final Supplier<EventPayload.StatsUpdated> counters;
  private final RealtimeHub hub;
  private final long intervalNanos;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong sent = new AtomicLong();
  private volatile long lastRun;

  public StatsBroadcaster(Supplier<EventPayload.StatsUpdated> counters, RealtimeHub hub, Duration interval) {
    this.counters = Objects.requireNonNull(counters, "counters");
    this.hub = Objects.requireNonNull(hub, "hub");
    this.intervalNanos = interval.toNanos();
    this.lastRun = System.nanoTime() - intervalNanos;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kinitro-realtime-stats").daemon(true).factory());
  }

  /** Called for every event heard on the realtime channel. */
  void heard(EventPayload payload) {
    if (TRIGGERS.contains(payload.eventType())) {
      changed();
    }
  }

  /** The counters may have changed: schedules a computation unless one is already waiting. */
  public void changed() {
    if (!scheduled.compareAndSet(false, true)) {
      return;
    }
    long wait = Math.max(0, lastRun + intervalNanos - System.nanoTime());
    try {
      scheduler.schedule(this::run, wait, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      scheduled.set(false); // closing
    }
  }

  /** {@code stats_updated} events handed to the local subscribers so far. */
  public long sent() {
    return sent.get();
  }

  private void run() {
    // cleared first: a change heard while computing schedules the next run (after the interval)
    scheduled.set(false);
    lastRun = System.nanoTime();
    try {
      if (!hub.subscribed(EventType.STATS_UPDATED)) {
        return;
      }
      hub.deliver(counters.get());
      sent.incrementAndGet();
    } catch (RuntimeException e) {
      LOG.warn("Could not compute or send stats_updated; the next change tries again", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
