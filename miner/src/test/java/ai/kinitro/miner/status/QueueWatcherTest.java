package ai.kinitro.miner.status;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QueueWatcherTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  private static final String CHARLIE = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";

  static List<JsonNode> jobs(String json) {
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(json).forEach(out::add);
    return out;
  }

  static List<JsonNode> queuedAt(int position) {
    return jobs("""
        [{"id":"41","benchmark_name":"cartpole","status":"QUEUED",
          "validators":[{"validator_hotkey":"%s","status":"QUEUED","queue_position":%d}]}]""".formatted(BOB, position));
  }

  static final List<JsonNode> RUNNING = jobs("""
      [{"id":"41","benchmark_name":"cartpole","status":"RUNNING",
        "validators":[{"validator_hotkey":"%s","status":"RUNNING","progress_episodes":1}]}]""".formatted(BOB));

  /** Answers the given reads in turn, then the last one again. */
  private static Supplier<List<JsonNode>> answers(AtomicInteger reads, List<List<JsonNode>> sequence) {
    return () -> sequence.get(Math.min(reads.getAndIncrement(), sequence.size() - 1));
  }

  @Test
  void waitingJobsAreReadOnePerValidatorQueueWithTheirPosition() {
    List<QueuePosition> waiting = QueuePosition.of(jobs("""
        [{"id":"41","benchmark_name":"cartpole","status":"QUEUED","validators":[
            {"validator_hotkey":"%s","status":"DELIVERED","queue_position":2},
            {"validator_hotkey":"%s","status":"RUNNING"}]},
         {"id":"42","benchmark_name":"pendulum","status":"QUEUED","validators":[]},
         {"id":"43","benchmark_name":"acrobot","status":"COMPLETED","validators":[]}]""".formatted(BOB, CHARLIE)));

    assertThat(waiting).containsExactly(
        new QueuePosition(41, "cartpole", Optional.of(BOB), Optional.of(2)),
        new QueuePosition(42, "pendulum", Optional.empty(), Optional.empty()));
    assertThat(waiting.get(0).describe())
        .isEqualTo("job 41 (cartpole): queued, position 2 in the queue of validator 5FHneW…94ty");
    assertThat(waiting.get(1).describe()).isEqualTo("job 42 (pendulum): queued, waiting for a validator to connect");
  }

  @Test
  void positionsAreReportedAsTheyChangeAndPollingStopsOnceNoJobWaits() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    List<List<QueuePosition>> reported = new CopyOnWriteArrayList<>();
    CountDownLatch left = new CountDownLatch(1);
    try (QueueWatcher watcher = QueueWatcher.start(answers(reads, List.of(queuedAt(3), queuedAt(3), queuedAt(1), RUNNING)),
        Duration.ofMillis(10), now -> {
          reported.add(now);
          if (now.isEmpty()) {
            left.countDown();
          }
        }, problem -> { })) {
      assertThat(left.await(10, TimeUnit.SECONDS)).isTrue();
      // Well past 20 more intervals: a watcher that kept polling would have read the jobs again.
      Thread.sleep(200);

      assertThat(reported).containsExactly(
          List.of(new QueuePosition(41, "cartpole", Optional.of(BOB), Optional.of(3))),
          List.of(new QueuePosition(41, "cartpole", Optional.of(BOB), Optional.of(1))),
          List.of());
      assertThat(watcher.polls()).isEqualTo(4);

      // A job queued again (a rerun, a validator that reconnected) wakes it up.
      watcher.wake();
      while (watcher.polls() < 5) {
        Thread.sleep(5);
      }
      assertThat(reads.get()).isEqualTo(5);
    }
  }

  @Test
  void aFailedReadIsReportedOnceAndPollingGoesOn() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    List<String> problems = new CopyOnWriteArrayList<>();
    CountDownLatch recovered = new CountDownLatch(1);
    Supplier<List<JsonNode>> flaky = () -> {
      if (reads.getAndIncrement() < 3) {
        throw new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE, "cannot reach the backend");
      }
      return queuedAt(2);
    };
    try (QueueWatcher watcher = QueueWatcher.start(flaky, Duration.ofMillis(10), now -> recovered.countDown(),
        problems::add)) {
      assertThat(recovered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(problems).containsExactly("could not read the queue positions: cannot reach the backend");
    }
  }

  @Test
  void aSubmissionWithoutJobsYetIsPolledUntilItHasSome() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    CountDownLatch queued = new CountDownLatch(1);
    try (QueueWatcher watcher = QueueWatcher.start(answers(reads, List.of(List.of(), List.of(), queuedAt(5))),
        Duration.ofMillis(10), now -> {
          if (!now.isEmpty()) {
            queued.countDown();
          }
        }, problem -> { })) {
      assertThat(queued.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(reads.get()).isGreaterThanOrEqualTo(3);
    }
  }
}
