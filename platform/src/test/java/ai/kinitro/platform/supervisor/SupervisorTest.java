package ai.kinitro.platform.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SupervisorTest {
  private static final Duration POLL = Duration.ofMillis(5);

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  /** Records health and stop outcomes into the same event list as the fakes. */
  private final SupervisorListener recorder = new SupervisorListener() {
    @Override
    public void healthy(ServiceSpec spec, ServiceHandle handle, Duration took) {
      events.add("healthy " + spec.name());
    }

    @Override
    public void stopped(ServiceSpec spec, ServiceHandle handle, boolean forced) {
      events.add((forced ? "killed " : "stopped ") + spec.name());
    }
  };

  private Supervisor supervisor(ServiceSpec... specs) {
    return new Supervisor(List.of(specs), recorder, POLL);
  }

  @Test
  void startsServicesInOrderEachOnlyAfterThePreviousOneIsHealthy() {
    FakeService a = new FakeService("a", events, 3);
    FakeService b = new FakeService("b", events, 2);
    FakeService c = new FakeService("c", events, 1);

    boolean started = supervisor(a.spec(), b.spec(), c.spec()).start();

    assertThat(started).isTrue();
    assertThat(events).containsExactly("launch a", "healthy a", "launch b", "healthy b", "launch c", "healthy c");
  }

  @Test
  void keepsProbingAServiceUntilItBecomesHealthy() {
    FakeService slow = new FakeService("slow", events, 20);
    FakeService next = new FakeService("next", events, 1);

    supervisor(slow.spec(), next.spec()).start();

    assertThat(slow.probes()).isEqualTo(20);
    assertThat(events).containsExactly("launch slow", "healthy slow", "launch next", "healthy next");
  }

  @Test
  void aServiceThatExitsWhileStartingStopsTheStartedOnesInReverseOrder() {
    FakeService a = new FakeService("a", events, 1);
    FakeService b = new FakeService("b", events, 1);
    FakeService c = new FakeService("c", events, 1).exitingWhileStarting();
    FakeService d = new FakeService("d", events, 1);
    Supervisor supervisor = supervisor(a.spec(), b.spec(), c.spec(), d.spec());

    assertThatThrownBy(supervisor::start)
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_START_FAILED);
          assertThat(e.getMessage())
              .startsWith("c exited with code 1 before it became healthy")
              .contains("Last lines of /logs/c.log:\nc log line 1\nc log line 2");
        });
    assertThat(events).containsExactly(
        "launch a", "healthy a", "launch b", "healthy b", "launch c",
        "stopped c", "terminate b", "stopped b", "terminate a", "stopped a");
  }

  @Test
  void aServiceThatIsNotHealthyInTimeIsStoppedWithTheOthersAndNamedInTheError() {
    FakeService a = new FakeService("a", events, 1);
    FakeService stuck = new FakeService("stuck", events, -1);

    Supervisor supervisor = supervisor(a.spec(), stuck.spec(Duration.ofMillis(200), Duration.ofSeconds(1)));

    assertThatThrownBy(supervisor::start)
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_HEALTH_TIMEOUT);
          assertThat(e.getMessage()).startsWith("stuck did not become healthy within 0.2 s (last probe: stuck not ready (probe ");
        });
    assertThat(events).containsExactly(
        "launch a", "healthy a", "launch stuck", "terminate stuck", "stopped stuck", "terminate a", "stopped a");
  }

  @Test
  void aServiceThatCannotBeLaunchedStopsTheStartedOnes() {
    FakeService a = new FakeService("a", events, 1);
    FakeService b = new FakeService("b", events, 1);
    FakeService missing = new FakeService("missing", events, 1).failingToLaunch();

    assertThatThrownBy(supervisor(a.spec(), b.spec(), missing.spec())::start)
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_START_FAILED);
          assertThat(e.getMessage()).isEqualTo("Could not start missing: no such program: missing");
        });
    assertThat(events).containsExactly(
        "launch a", "healthy a", "launch b", "healthy b", "terminate b", "stopped b", "terminate a", "stopped a");
  }

  @Test
  void stopAsksEveryServiceToStopInReverseOrder() {
    FakeService a = new FakeService("a", events, 1);
    FakeService b = new FakeService("b", events, 1);
    FakeService c = new FakeService("c", events, 1);
    Supervisor supervisor = supervisor(a.spec(), b.spec(), c.spec());
    supervisor.start();
    events.clear();

    supervisor.stop();

    assertThat(events).containsExactly("terminate c", "stopped c", "terminate b", "stopped b", "terminate a", "stopped a");
    assertThat(List.of(a.isAlive(), b.isAlive(), c.isAlive())).containsOnly(false);
  }

  @Test
  void aServiceThatIgnoresTheStopRequestIsKilledAfterItsStopTimeout() {
    FakeService a = new FakeService("a", events, 1);
    FakeService stubborn = new FakeService("stubborn", events, 1).ignoringTerminate();
    Supervisor supervisor = supervisor(a.spec(), stubborn.spec(Duration.ofSeconds(5), Duration.ofMillis(100)));
    supervisor.start();
    events.clear();

    supervisor.stop();

    assertThat(events).containsExactly(
        "terminate stubborn", "kill stubborn", "killed stubborn", "terminate a", "stopped a");
  }

  @Test
  void stoppingTwiceStopsEachServiceOnce() {
    FakeService a = new FakeService("a", events, 1);
    Supervisor supervisor = supervisor(a.spec());
    supervisor.start();
    events.clear();

    supervisor.stop();
    supervisor.stop();

    assertThat(events).containsExactly("terminate a", "stopped a");
  }

  @Test
  void stopDuringStartAbortsTheStartAndStopsWhatWasLaunched() throws Exception {
    FakeService a = new FakeService("a", events, 1);
    FakeService waiting = new FakeService("waiting", events, -1);
    FakeService never = new FakeService("never", events, 1);
    Supervisor supervisor = supervisor(a.spec(), waiting.spec(Duration.ofSeconds(30), Duration.ofSeconds(1)), never.spec());

    CompletableFuture<Boolean> start = CompletableFuture.supplyAsync(supervisor::start);
    while (waiting.probes() < 3) {
      Thread.sleep(5);
    }
    supervisor.stop();

    assertThat(start.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(events).containsExactly(
        "launch a", "healthy a", "launch waiting", "terminate waiting", "stopped waiting", "terminate a", "stopped a");
  }

  @Test
  void reportsAServiceThatDiesAfterStartingButNotOnesThatWereStopped() throws Exception {
    FakeService a = new FakeService("a", events, 1);
    FakeService b = new FakeService("b", events, 1);
    Supervisor supervisor = supervisor(a.spec(), b.spec());
    supervisor.start();

    CompletableFuture<java.util.Optional<Supervisor.Running>> watch = CompletableFuture.supplyAsync(supervisor::awaitUnexpectedExit);
    b.crash();

    assertThat(watch.get(5, TimeUnit.SECONDS)).map(r -> r.spec().name()).contains("b");
  }

  @Test
  void waitingForAnUnexpectedExitEndsWhenStopIsCalled() throws Exception {
    FakeService a = new FakeService("a", events, 1);
    Supervisor supervisor = supervisor(a.spec());
    supervisor.start();

    CompletableFuture<java.util.Optional<Supervisor.Running>> watch = CompletableFuture.supplyAsync(supervisor::awaitUnexpectedExit);
    supervisor.stop();

    assertThat(watch.get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void serviceNamesMustBeUnique() {
    FakeService a = new FakeService("a", events, 1);

    assertThatThrownBy(() -> supervisor(a.spec(), a.spec())).isInstanceOf(IllegalArgumentException.class);
  }
}
