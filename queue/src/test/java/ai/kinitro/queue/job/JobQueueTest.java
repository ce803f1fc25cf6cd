package ai.kinitro.queue.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.queue.Enqueued;
import ai.kinitro.queue.QueueSchema;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.SettableClock;
import ai.kinitro.queue.TestTables;
import ai.kinitro.testsupport.postgres.WithPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@WithPostgres
class JobQueueTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 2.0);

  private final SettableClock clock = new SettableClock(T0);
  private final DataSource dataSource;
  private final JobQueue queue;
  private final String name;

  JobQueueTest(DataSource dataSource, TestInfo test) {
    this.dataSource = dataSource;
    QueueSchema.migrate(dataSource);
    TestTables.truncate(dataSource);
    this.queue = new JobQueue(dataSource, clock, RETRY);
    this.name = test.getTestMethod().orElseThrow().getName();
  }

  @Test
  void enqueueingTheSameJobIdTwiceStoresItOnce() {
    assertThat(queue.enqueue(NewJob.of(name, "j1", "{\"a\":1}"))).isEqualTo(Enqueued.CREATED);
    assertThat(queue.enqueue(NewJob.of(name, "j1", "{\"a\":2}"))).isEqualTo(Enqueued.DUPLICATE);

    List<ClaimedJob> claimed = queue.claim(name, "owner-a", 10);
    assertThat(claimed).extracting(ClaimedJob::payload).containsExactly("{\"a\":1}");
  }

  @Test
  void aWaitingJobsPayloadCanBeReplacedAndTheNextClaimReadsTheNewOne() throws Exception {
    queue.enqueue(NewJob.of(name, "j1", "old"));
    JobRecord before = queue.find(name, "j1").orElseThrow();

    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      assertThat(queue.lockUnfinishedPayload(c, name, "j1")).contains("old");
      assertThat(queue.replacePayload(c, name, "j1", "new")).isTrue();
      c.commit();
    }

    assertThat(queue.find(name, "j1")).contains(before);
    assertThat(queue.claim(name, "owner-a", 10)).extracting(ClaimedJob::payload).containsExactly("new");
  }

  @Test
  void aRunningJobsPayloadIsReplacedWithoutBreakingItsOwnersClaim() throws Exception {
    queue.enqueue(NewJob.of(name, "j1", "old"));
    ClaimedJob first = queue.claim(name, "owner-a", 1).getFirst();

    try (Connection c = dataSource.getConnection()) {
      assertThat(queue.replacePayload(c, name, "j1", "new")).isTrue();
    }
    queue.fail(first, "artifact URL expired", true);
    clock.advance(Duration.ofMinutes(1));

    assertThat(queue.claim(name, "owner-b", 1)).extracting(ClaimedJob::payload).containsExactly("new");
  }

  @Test
  void theUnfinishedPayloadOfADoneParkedOrUnknownJobIsNotThereAndNotReplaced() throws Exception {
    queue.enqueue(NewJob.of(name, "done", "p"));
    queue.complete(queue.claim(name, "owner-a", 1).getFirst());
    queue.enqueue(NewJob.of(name, "parked", "p"));
    queue.fail(queue.claim(name, "owner-a", 1).getFirst(), "broken", false);

    try (Connection c = dataSource.getConnection()) {
      for (String id : List.of("done", "parked", "unknown")) {
        assertThat(queue.lockUnfinishedPayload(c, name, id)).isEmpty();
        assertThat(queue.replacePayload(c, name, id, "new")).isFalse();
      }
    }
    assertThat(queue.find(name, "done").orElseThrow().state()).isEqualTo(JobState.DONE);
  }

  @Test
  void aFinishedJobStaysADuplicateUntilPurged() {
    queue.enqueue(NewJob.of(name, "j1", "p"));
    queue.complete(queue.claim(name, "owner-a", 1).getFirst());

    assertThat(queue.enqueue(NewJob.of(name, "j1", "p"))).isEqualTo(Enqueued.DUPLICATE);
    clock.advance(Duration.ofDays(8));
    assertThat(queue.purgeFinished(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(1);
    assertThat(queue.enqueue(NewJob.of(name, "j1", "p"))).isEqualTo(Enqueued.CREATED);
  }

  @Test
  void aClaimSetsOwnerHeartbeatAndANewVersion() {
    queue.enqueue(NewJob.of(name, "j1", "p"));
    long before = queue.find(name, "j1").orElseThrow().version();

    ClaimedJob job = queue.claim(name, "owner-a", 5).getFirst();

    assertThat(job).isEqualTo(new ClaimedJob(name, "j1", "p", 1, NewJob.DEFAULT_MAX_ATTEMPTS, "owner-a", before + 1, T0, T0));
    JobRecord row = queue.find(name, "j1").orElseThrow();
    assertThat(row.state()).isEqualTo(JobState.RUNNING);
    assertThat(row.owner()).contains("owner-a");
    assertThat(row.lastHeartbeat()).contains(T0);
  }

  @Test
  void claimsTakeAtMostTheLimitHighestPriorityFirst() {
    queue.enqueueAll(IntStream.range(0, 5).mapToObj(i -> NewJob.of(name, "low" + i, "p")).toList());
    queue.enqueue(new NewJob(name, "urgent", "p", 10, Optional.empty(), 3));

    List<ClaimedJob> first = queue.claim(name, "owner-a", 2);

    assertThat(first).hasSize(2).extracting(ClaimedJob::id).contains("urgent");
    assertThat(queue.claim(name, "owner-b", 10)).hasSize(4);
    assertThat(queue.claim(name, "owner-c", 10)).isEmpty();
  }

  @Test
  void aJobIsNotClaimedBeforeItsRunAt() {
    queue.enqueue(new NewJob(name, "later", "p", 0, Optional.of(T0.plusSeconds(60)), 3));

    assertThat(queue.claim(name, "owner-a", 1)).isEmpty();
    clock.advance(Duration.ofSeconds(60));
    assertThat(queue.claim(name, "owner-a", 1)).extracting(ClaimedJob::id).containsExactly("later");
  }

  @Test
  void aStaleOwnersWritesAreRefusedOnceItsJobWasReapedAndReclaimed() {
    queue.enqueue(NewJob.of(name, "j1", "p"));
    ClaimedJob stale = queue.claim(name, "owner-a", 1).getFirst();
    clock.advance(Duration.ofMinutes(2));
    queue.reapDead(Duration.ofMinutes(1));
    clock.advance(RETRY.delayAfter(1));
    ClaimedJob fresh = queue.claim(name, "owner-b", 1).getFirst();

    assertThatThrownBy(() -> queue.complete(stale))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUEUE_LEASE_LOST));
    assertThatThrownBy(() -> queue.fail(stale, "boom", true))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUEUE_LEASE_LOST));
    assertThat(queue.heartbeat(name, List.of(stale))).containsExactly("j1");

    queue.complete(fresh);
    assertThat(queue.find(name, "j1").orElseThrow().state()).isEqualTo(JobState.DONE);
  }

  @Test
  void completeAllReportsTheJobsWhoseClaimWasLost() {
    queue.enqueueAll(List.of(NewJob.of(name, "a", "p"), NewJob.of(name, "b", "p")));
    List<ClaimedJob> claimed = queue.claim(name, "owner-a", 2);
    ClaimedJob a = claimed.stream().filter(j -> j.id().equals("a")).findFirst().orElseThrow();
    ClaimedJob b = claimed.stream().filter(j -> j.id().equals("b")).findFirst().orElseThrow();
    queue.release(b);

    assertThat(queue.completeAll(List.of(a, b))).containsExactly(b);
    assertThat(queue.find(name, "a").orElseThrow().state()).isEqualTo(JobState.DONE);
    assertThat(queue.find(name, "b").orElseThrow().state()).isEqualTo(JobState.READY);
  }

  @Test
  void aRetryableFailureComesBackAfterAnExponentialBackoff() {
    queue.enqueue(NewJob.of(name, "j1", "p"));
    assertThat(queue.fail(queue.claim(name, "o", 1).getFirst(), "first", true)).isEqualTo(FailOutcome.RETRY_SCHEDULED);
    assertThat(queue.find(name, "j1").orElseThrow().runAt()).isEqualTo(T0.plusSeconds(10));

    clock.advance(Duration.ofSeconds(10));
    ClaimedJob second = queue.claim(name, "o", 1).getFirst();
    assertThat(second.attempt()).isEqualTo(2);
    queue.fail(second, "second", true);

    JobRecord row = queue.find(name, "j1").orElseThrow();
    assertThat(row.runAt()).isEqualTo(clock.instant().plusSeconds(20));
    assertThat(row.lastError()).contains("second");
  }

  @Test
  void aPermanentFailureOrTheLastAttemptParksTheJob() {
    queue.enqueue(NewJob.of(name, "bad", "p"));
    queue.enqueue(new NewJob(name, "once", "p", 0, Optional.empty(), 1));

    assertThat(queue.fail(queue.claim(name, "o", 1).getFirst(), "bad input", false)).isEqualTo(FailOutcome.PARKED);
    assertThat(queue.fail(queue.claim(name, "o", 1).getFirst(), "flaky", true)).isEqualTo(FailOutcome.PARKED);

    assertThat(queue.stats(name)).isEqualTo(new QueueStats(0, 0, 2, Optional.empty()));
  }

  @Test
  void aReleasedJobIsDueAgainWithoutCountingTheAttempt() {
    queue.enqueue(NewJob.of(name, "j1", "p"));
    queue.release(queue.claim(name, "o", 1).getFirst());

    assertThat(queue.claim(name, "o", 1).getFirst().attempt()).isEqualTo(1);
  }

  @Test
  void heartbeatsKeepAJobAliveAndTheReaperTakesBackOnlySilentOnes() {
    queue.enqueueAll(List.of(NewJob.of(name, "alive", "p"), NewJob.of(name, "dead", "p")));
    List<ClaimedJob> claimed = queue.claim(name, "o", 2);
    ClaimedJob alive = claimed.stream().filter(j -> j.id().equals("alive")).findFirst().orElseThrow();

    clock.advance(Duration.ofSeconds(50));
    assertThat(queue.heartbeat(name, List.of(alive))).isEmpty();
    clock.advance(Duration.ofSeconds(50));

    List<ReapedJob> reaped = queue.reapDead(Duration.ofSeconds(90));
    assertThat(reaped).containsExactly(new ReapedJob(name, "dead", "o", 1, FailOutcome.RETRY_SCHEDULED));
    assertThat(queue.find(name, "alive").orElseThrow().state()).isEqualTo(JobState.RUNNING);
    JobRecord dead = queue.find(name, "dead").orElseThrow();
    assertThat(dead.state()).isEqualTo(JobState.READY);
    assertThat(dead.runAt()).isEqualTo(clock.instant().plus(RETRY.delayAfter(1)));
    assertThat(dead.lastError().orElseThrow()).startsWith("owner o stopped heartbeating");
  }

  @Test
  void aJobReapedOnItsLastAttemptIsParked() {
    queue.enqueue(new NewJob(name, "j1", "p", 0, Optional.empty(), 1));
    queue.claim(name, "o", 1);
    clock.advance(Duration.ofMinutes(5));

    assertThat(queue.reapDead(Duration.ofMinutes(1))).extracting(ReapedJob::outcome).containsExactly(FailOutcome.PARKED);
    assertThat(queue.find(name, "j1").orElseThrow().state()).isEqualTo(JobState.PARKED);
  }

  @Test
  void statsCountEachStateAndTheOldestWaitingAge() {
    queue.enqueue(NewJob.of(name, "old", "p"));
    clock.advance(Duration.ofSeconds(30));
    queue.enqueue(NewJob.of(name, "new", "p"));
    queue.enqueue(NewJob.of(name, "newer", "p"));
    clock.advance(Duration.ofSeconds(15));
    queue.claim(name, "o", 1);

    assertThat(queue.stats(name)).isEqualTo(new QueueStats(2, 1, 0, Optional.of(Duration.ofSeconds(15))));
    assertThat(queue.stats(name + "-empty")).isEqualTo(new QueueStats(0, 0, 0, Optional.empty()));
  }

  @Test
  void theHeartbeatReportsLostClaimsOnly() {
    queue.enqueueAll(List.of(NewJob.of(name, "a", "p"), NewJob.of(name, "b", "p")));
    List<ClaimedJob> claimed = queue.claim(name, "o", 2);

    assertThat(queue.heartbeat(name, claimed)).isEmpty();
    claimed.forEach(queue::complete);
    assertThat(queue.heartbeat(name, claimed)).isEqualTo(Set.of("a", "b"));
  }
}
