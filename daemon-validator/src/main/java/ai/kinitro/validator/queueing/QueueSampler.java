package ai.kinitro.validator.queueing;

import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.QueueStats;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples queue depth, oldest waiting age, outbox backlog and relay lag on an interval (so a
 * metrics scrape never waits on the database) and publishes them as gauges.
 */
public final class QueueSampler {
  private final JobQueue jobs;
  private final Outbox outbox;
  private final String queue;
  private final String topic;
  private final AtomicReference<QueueStats> queueStats = new AtomicReference<>(new QueueStats(0, 0, 0, Optional.empty()));
  private final AtomicReference<OutboxStats> outboxStats = new AtomicReference<>(new OutboxStats(0, 0, 0, Optional.empty()));

  public QueueSampler(JobQueue jobs, Outbox outbox, String queue, String topic, MeterRegistry metrics) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.topic = Objects.requireNonNull(topic, "topic");
    Gauge.builder("kinitro.queue.depth", this, s -> s.queueStats.get().ready()).tag("state", "ready")
        .description("Jobs waiting in the durable queue").register(metrics);
    Gauge.builder("kinitro.queue.depth", this, s -> s.queueStats.get().running()).tag("state", "running")
        .description("Jobs being evaluated").register(metrics);
    Gauge.builder("kinitro.queue.depth", this, s -> s.queueStats.get().parked()).tag("state", "parked")
        .description("Jobs that failed for good").register(metrics);
    Gauge.builder("kinitro.queue.oldest.age", this, s -> seconds(s.queueStats.get().oldestReadyAge())).baseUnit("seconds")
        .description("Age of the oldest waiting job").register(metrics);
    Gauge.builder("kinitro.relay.backlog", this, s -> s.outboxStats.get().pending()).tag("state", "pending")
        .description("Messages to the backend not yet acknowledged").register(metrics);
    Gauge.builder("kinitro.relay.backlog", this, s -> s.outboxStats.get().parked()).tag("state", "parked")
        .description("Messages the backend refused for good").register(metrics);
    Gauge.builder("kinitro.relay.oldest.age", this, s -> seconds(s.outboxStats.get().oldestPendingAge())).baseUnit("seconds")
        .description("Relay lag: age of the oldest unacknowledged message").register(metrics);
  }

  /** Takes one sample. */
  public void sampleOnce() {
    queueStats.set(jobs.stats(queue));
    outboxStats.set(outbox.stats(topic));
  }

  /** The latest job-queue sample (heartbeats report it). */
  public QueueStats queueStats() {
    return queueStats.get();
  }

  public OutboxStats outboxStats() {
    return outboxStats.get();
  }

  private static double seconds(Optional<Duration> d) {
    return d.map(x -> x.toMillis() / 1000.0).orElse(0.0);
  }
}
