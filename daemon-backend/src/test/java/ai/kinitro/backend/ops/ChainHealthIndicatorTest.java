package ai.kinitro.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.chain.ChainConfig;
import ai.kinitro.backend.chain.ChainMonitor;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

class ChainHealthIndicatorTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final URI NODE = URI.create("ws://node.example:9944");
  private static final String ERROR = "KinitroException: the chain node did not answer";

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final AtomicReference<ChainMonitor.Status> status = new AtomicReference<>(fresh());

  private static ChainMonitor.Status fresh() {
    return new ChainMonitor.Status(Optional.of(START), Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
  }

  private ChainHealthIndicator indicator(URI endpoint, Duration pollInterval) {
    return new ChainHealthIndicator(new ChainConfig(26, pollInterval, null, endpoint, List.of()), status::get,
        HealthProperties.defaults(), now::get);
  }

  @Test
  void isUpWithTheLastScanAfterASuccessfulCycle() {
    status.set(new ChainMonitor.Status(Optional.of(START), Optional.of(START.plusSeconds(30)), Optional.of(1234L), 0, Optional.empty(),
        Optional.empty()));
    now.set(START.plusSeconds(40));

    assertThat(indicator(NODE, Duration.ofSeconds(30)).health()).isEqualTo(Health.up().withDetails(Map.of(
        "endpoint", "ws://node.example:9944", "netuid", 26, "pollInterval", "PT30S", "consecutiveFailures", 0L,
        "lastScan", "2026-01-01T00:00:30Z", "lastBlock", 1234L)).build());
  }

  @Test
  void staysUpBelowTheFailureThresholdAndTurnsDownAtIt() {
    status.set(new ChainMonitor.Status(Optional.of(START), Optional.of(START.plusSeconds(30)), Optional.of(1234L), 2,
        Optional.of(START.plusSeconds(90)), Optional.of(ERROR)));
    now.set(START.plusSeconds(95));
    ChainHealthIndicator indicator = indicator(NODE, Duration.ofSeconds(30));
    assertThat(indicator.health().getStatus()).isEqualTo(Health.up().build().getStatus());

    status.set(new ChainMonitor.Status(Optional.of(START), Optional.of(START.plusSeconds(30)), Optional.of(1234L), 3,
        Optional.of(START.plusSeconds(120)), Optional.of(ERROR)));
    now.set(START.plusSeconds(125));

    assertThat(indicator.health()).isEqualTo(Health.down().withDetails(Map.of(
        "reason", "3 consecutive chain scans failed", "endpoint", "ws://node.example:9944", "netuid", 26,
        "pollInterval", "PT30S", "consecutiveFailures", 3L, "lastScan", "2026-01-01T00:00:30Z", "lastBlock", 1234L,
        "lastFailure", "2026-01-01T00:02:00Z", "lastError", ERROR)).build());
  }

  @Test
  void doesNotJudgeStalenessBeforeTheFirstCycleBegins() {
    status.set(new ChainMonitor.Status(Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
        Optional.empty()));
    now.set(START.plus(Duration.ofHours(1)));

    assertThat(indicator(NODE, Duration.ofSeconds(30)).health()).isEqualTo(Health.up().withDetails(Map.of(
        "endpoint", "ws://node.example:9944", "netuid", 26, "pollInterval", "PT30S", "consecutiveFailures", 0L)).build());
  }

  @Test
  void turnsDownWhenNoCycleSucceededSinceTheFirstBeganForTheStaleIntervals() {
    ChainHealthIndicator indicator = indicator(NODE, Duration.ofSeconds(30));
    now.set(START.plusSeconds(150));
    assertThat(indicator.health().getStatus()).isEqualTo(Health.up().build().getStatus());

    now.set(START.plusSeconds(151));

    assertThat(indicator.health()).isEqualTo(Health.down().withDetails(Map.of(
        "reason", "no successful chain scan for PT2M31S since the first cycle began (poll interval PT30S)",
        "endpoint", "ws://node.example:9944", "netuid", 26, "pollInterval", "PT30S", "consecutiveFailures", 0L)).build());
  }

  @Test
  void turnsDownWhenTheLastSuccessIsOlderThanTheStaleIntervals() {
    status.set(new ChainMonitor.Status(Optional.of(START), Optional.of(START.plusSeconds(30)), Optional.of(7L), 1,
        Optional.of(START.plusSeconds(60)), Optional.of(ERROR)));
    now.set(START.plusSeconds(30 + 181));

    Health health = indicator(NODE, Duration.ofSeconds(30)).health();

    assertThat(health.getStatus()).isEqualTo(Health.down().build().getStatus());
    assertThat(health.getDetails().get("reason")).isEqualTo("no successful chain scan for PT3M1S (poll interval PT30S)");
  }

  @Test
  void isUpWithAWarningWhenNoEndpointIsConfigured() {
    status.set(new ChainMonitor.Status(Optional.of(START), Optional.of(START.plusSeconds(30)), Optional.of(0L), 0, Optional.empty(),
        Optional.empty()));
    now.set(START.plusSeconds(31));

    assertThat(indicator(null, Duration.ofSeconds(30)).health()).isEqualTo(Health.up().withDetails(Map.of(
        "endpoint", "static: no chain configured", "netuid", 26, "pollInterval", "PT30S", "consecutiveFailures", 0L,
        "lastScan", "2026-01-01T00:00:30Z", "lastBlock", 0L, "warning", ChainHealthIndicator.NO_CHAIN_WARNING)).build());
  }

  @Test
  void doesNotJudgeStalenessWhenTheLoopIsDisabledButStillCountsFailures() {
    ChainHealthIndicator indicator = indicator(NODE, Duration.ZERO);
    now.set(START.plus(Duration.ofDays(3)));
    assertThat(indicator.health()).isEqualTo(Health.up().withDetails(Map.of(
        "endpoint", "ws://node.example:9944", "netuid", 26, "pollInterval", "disabled", "consecutiveFailures", 0L)).build());

    status.set(new ChainMonitor.Status(Optional.of(START), Optional.empty(), Optional.empty(), 3, Optional.of(START), Optional.of(ERROR)));

    assertThat(indicator.health().getStatus()).isEqualTo(Health.down().build().getStatus());
  }

  @Test
  void showsOnlySchemeHostAndPortOfTheEndpointAlsoInTheLastError() {
    URI endpoint = URI.create("https://user:secret@rpc.example/v1/APIKEY?token=x");
    status.set(new ChainMonitor.Status(Optional.of(START), Optional.empty(), Optional.empty(), 1, Optional.of(START),
        Optional.of("KinitroException: cannot reach the chain node at " + endpoint + " (ConnectException)")));
    ChainHealthIndicator indicator = indicator(endpoint, Duration.ofSeconds(30));

    Map<String, Object> details = indicator.health().getDetails();

    assertThat(details.get("endpoint")).isEqualTo("https://rpc.example/…");
    assertThat(details.get("lastError"))
        .isEqualTo("KinitroException: cannot reach the chain node at https://rpc.example/… (ConnectException)");
  }
}
