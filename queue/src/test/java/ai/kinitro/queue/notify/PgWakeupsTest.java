package ai.kinitro.queue.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.queue.QueueSchema;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.NewJob;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxEntry;
import ai.kinitro.testsupport.postgres.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@WithPostgres
class PgWakeupsTest {
  private static final Duration LONG = Duration.ofSeconds(30);

  @Test
  void anEnqueueWakesTheConsumersOfThatQueue(DataSource dataSource) throws Exception {
    QueueSchema.migrate(dataSource);
    try (PgWakeups wakeups = new PgWakeups(dataSource, List.of(JobQueue.CHANNEL, Outbox.CHANNEL), Duration.ofMillis(100)).start()) {
      awaitListening(wakeups);
      wakeups.await("evaluation", Duration.ZERO);

      new JobQueue(dataSource, Clock.systemUTC(), RetryPolicy.DEFAULT).enqueue(NewJob.of("evaluation", "j1", "p"));

      assertThat(wakeups.await("evaluation", LONG)).isTrue();
      assertThat(wakeups.await("other-queue", Duration.ZERO)).isFalse();
    }
  }

  @Test
  void anOutboxAppendWakesTheRelayOfThatTopic(DataSource dataSource) throws Exception {
    QueueSchema.migrate(dataSource);
    try (PgWakeups wakeups = new PgWakeups(dataSource, List.of(JobQueue.CHANNEL, Outbox.CHANNEL), Duration.ofMillis(100)).start()) {
      awaitListening(wakeups);
      wakeups.await("backend", Duration.ZERO);

      new Outbox(dataSource, Clock.systemUTC(), RetryPolicy.DEFAULT)
          .append(new OutboxEntry(UUID.randomUUID(), "backend", "eval_result", "{}"));

      assertThat(wakeups.await("backend", LONG)).isTrue();
    }
  }

  @Test
  void withoutASignalAWaitEndsAtItsTimeout() throws Exception {
    Wakeups polling = Wakeups.pollingOnly();
    assertThat(polling.await("q", Duration.ofMillis(20))).isFalse();
    polling.signal("q");
    assertThat(polling.await("q", LONG)).isTrue();
  }

  private static void awaitListening(PgWakeups wakeups) throws InterruptedException {
    for (int i = 0; i < 500 && !wakeups.listening(); i++) {
      Thread.sleep(10);
    }
    assertThat(wakeups.listening()).isTrue();
  }
}
