package ai.kinitro.queue.job;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.queue.QueueSchema;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.SettableClock;
import ai.kinitro.queue.TestTables;
import ai.kinitro.queue.notify.Wakeups;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import ai.kinitro.testsupport.postgres.WithPostgres;
import org.junit.jupiter.api.Test;

@WithPostgres
class DeadConsumerTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);
  private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0);

  @Test
  void aConsumerThatStopsHeartbeatingHasItsJobReapedAndRunElsewhere(DataSource dataSource) throws Exception {
    QueueSchema.migrate(dataSource);
    TestTables.truncate(dataSource);
    SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    JobQueue queue = new JobQueue(dataSource, clock, RETRY);
    DeadJobReaper reaper = new DeadJobReaper(queue, new DeadJobReaper.Settings(HEARTBEAT, 3, Duration.ofSeconds(5)));
    queue.enqueue(NewJob.of("eval", "job-1", "payload"));

    // The first consumer claims the job and then dies: it never heartbeats or completes.
    ClaimedJob orphan = queue.claim("eval", "consumer-dead", 1).getFirst();
    clock.advance(HEARTBEAT.multipliedBy(3));
    assertThat(reaper.reapOnce()).as("silent for exactly the limit: not dead yet").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(reaper.reapOnce()).containsExactly(new ReapedJob("eval", "job-1", "consumer-dead", 1, FailOutcome.RETRY_SCHEDULED));

    // A live consumer picks it up once the backoff has passed and runs it.
    List<ClaimedJob> ran = new CopyOnWriteArrayList<>();
    try (JobWorkerPool survivor = new JobWorkerPool(queue, Wakeups.pollingOnly(), (job, lease) -> ran.add(job),
        new WorkerSettings("eval", "consumer-alive", 2, Duration.ofSeconds(1), HEARTBEAT, Duration.ofSeconds(10)))) {
      assertThat(survivor.pollOnce()).as("still backing off").isZero();
      clock.advance(RETRY.delayAfter(1));
      assertThat(survivor.pollOnce()).isEqualTo(1);
      awaitIdle(survivor);
    }

    assertThat(ran).extracting(ClaimedJob::id, ClaimedJob::attempt, ClaimedJob::owner)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("job-1", 2, "consumer-alive"));
    JobRecord row = queue.find("eval", "job-1").orElseThrow();
    assertThat(row.state()).isEqualTo(JobState.DONE);
    assertThat(row.attempts()).isEqualTo(2);
    assertThat(orphan.version()).isLessThan(row.version());
  }

  @Test
  void aHeartbeatingConsumerIsNeverReaped(DataSource dataSource) throws Exception {
    QueueSchema.migrate(dataSource);
    TestTables.truncate(dataSource);
    SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    JobQueue queue = new JobQueue(dataSource, clock, RETRY);
    DeadJobReaper reaper = new DeadJobReaper(queue, new DeadJobReaper.Settings(HEARTBEAT, 3, Duration.ofSeconds(5)));
    queue.enqueue(NewJob.of("eval", "job-1", "payload"));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    try (JobWorkerPool pool = new JobWorkerPool(queue, Wakeups.pollingOnly(), (job, lease) -> release.await(),
        new WorkerSettings("eval", "consumer-a", 1, Duration.ofSeconds(1), HEARTBEAT, Duration.ofSeconds(10)))) {
      pool.pollOnce();
      for (int i = 0; i < 10; i++) {
        clock.advance(HEARTBEAT);
        assertThat(pool.heartbeatOnce()).isZero();
        assertThat(reaper.reapOnce()).isEmpty();
      }
      release.countDown();
      awaitIdle(pool);
    }
    assertThat(queue.find("eval", "job-1").orElseThrow().attempts()).isEqualTo(1);
  }

  static void awaitIdle(JobWorkerPool pool) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (pool.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(pool.inFlight()).as("jobs still running").isZero();
  }
}
