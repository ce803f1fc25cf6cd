package ai.kinitro.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaiterTest {
  private final List<String> lines = new ArrayList<>();
  private Instant now = Instant.parse("2026-11-23T10:00:00Z");

  private Waiter waiter(Duration budget) {
    Instant deadline = now.plus(budget);
    return new Waiter(lines::add, () -> now, deadline, Duration.ofSeconds(2), d -> now = now.plus(d));
  }

  @Test
  void pollsUntilTheProbeAnswers() {
    AtomicInteger calls = new AtomicInteger();
    String value = waiter(Duration.ofMinutes(1)).until("x", () -> calls.incrementAndGet() < 3 ? Optional.empty() : Optional.of("ready"));

    assertThat(value).isEqualTo("ready");
    assertThat(calls).hasValue(3);
    assertThat(now).isEqualTo(Instant.parse("2026-11-23T10:00:04Z"));
    assertThat(lines).isEmpty();
  }

  @Test
  void waitsOutAnUnreachableServiceAndSaysSoOncePerProblem() {
    AtomicInteger calls = new AtomicInteger();
    String value = waiter(Duration.ofMinutes(1)).until("x", () -> {
      if (calls.incrementAndGet() <= 3) {
        throw new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE, "the backend at http://127.0.0.1:8080 refused the connection");
      }
      return Optional.of("back");
    });

    assertThat(value).isEqualTo("back");
    assertThat(lines).containsExactly(
        "      waiting: the backend at http://127.0.0.1:8080 refused the connection (is ./kinitro up running? the demo goes on once it answers)",
        "      (reachable again)");
  }

  @Test
  void aUserErrorIsNotWaitedOut() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> waiter(Duration.ofMinutes(1)).until("x", () -> {
      calls.incrementAndGet();
      throw new KinitroException(ErrorCode.PERMISSION_DENIED, "wrong key");
    })).isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
    assertThat(calls).hasValue(1);
  }

  @Test
  void aFailedEvaluationReportedByTheProbeEndsTheWaitAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> waiter(Duration.ofMinutes(1)).until("x", () -> {
      calls.incrementAndGet();
      throw new KinitroException(ErrorCode.DEMO_EVALUATION_FAILED, "the expert's job 7 ended FAILED");
    })).isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEMO_EVALUATION_FAILED));
    assertThat(calls).hasValue(1);
  }

  @Test
  void givesUpAtTheDeadlineNamingWhatItWaitedForAndTheLastProblem() {
    assertThatThrownBy(() -> waiter(Duration.ofSeconds(10)).until("the backend to record submission 7", () -> {
      throw new KinitroException(ErrorCode.CHAIN_UNREACHABLE, "no chain at ws://127.0.0.1:9944");
    })).isInstanceOfSatisfying(KinitroException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.DEMO_TIMED_OUT);
      assertThat(e.getMessage()).contains("the backend to record submission 7", "last problem: no chain at ws://127.0.0.1:9944",
          "run ./kinitro demo again: it resumes");
    });
  }
}
