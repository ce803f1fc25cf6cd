package ai.kinitro.validator.weights;

import static ai.kinitro.validator.testing.Messages.BOB;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.queue.notify.Wakeups;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.validator.database.TestMigrations;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lite mode against a real HTTP server: fresh snapshots are stored, stale ones refused (§10 #28), errors back off. */
@WithPostgres
class LiteWeightsPollerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final HttpServer server;
  private final WeightsStore store;
  private final LiteWeightsPoller poller;

  LiteWeightsPollerTest(DataSource dataSource) throws Exception {
    TestMigrations.migrate(dataSource);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE validator_weight_commit, validator_weights_snapshot");
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/weights", exchange -> {
      byte[] bytes = body.get().getBytes(UTF_8);
      exchange.sendResponseHeaders(status.get(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    store = new WeightsStore(dataSource);
    poller = new LiteWeightsPoller(HttpClient.newHttpClient(),
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/weights"), Duration.ofSeconds(5),
        Duration.ofSeconds(180), Duration.ofSeconds(30), Duration.ofMinutes(5), 26, store, Wakeups.pollingOnly(), () -> NOW,
        new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String snapshot(String id, Instant computedAt) {
    return """
        {"snapshot_id": "%s", "netuid": 26, "computed_at": "%s",
         "entries": [{"uid": 17, "hotkey": "%s", "weight": 1.0}]}""".formatted(id, computedAt, BOB);
  }

  @Test
  void aFreshSnapshotIsStoredOnceAndAppliedByTheWeightsDuty() throws Exception {
    body.set(snapshot("w-1", NOW.minusSeconds(60)));

    assertThat(poller.pollOnce()).isEqualTo(LiteWeightsPoller.Outcome.STORED);
    assertThat(poller.pollOnce()).isEqualTo(LiteWeightsPoller.Outcome.UNCHANGED);

    WeightsStore.Stored stored = store.newestUnexpired(26, NOW).orElseThrow();
    assertThat(stored.snapshot().entries()).containsExactly(new WeightEntry(17, BOB, 1.0));
    assertThat(stored.snapshot().expiresAt()).isEqualTo(NOW.minusSeconds(60).plusSeconds(180));
  }

  @Test
  void aSnapshotOlderThanTheThresholdIsRefused() throws Exception {
    body.set(snapshot("w-old", NOW.minusSeconds(181)));

    assertThat(poller.pollOnce()).isEqualTo(LiteWeightsPoller.Outcome.STALE);
    assertThat(store.newestComputedAt(26)).isEmpty();
  }

  @Test
  void failuresBackOffDoublingUpToTheCapAndRecover() throws Exception {
    status.set(503);
    body.set("down");
    List<Duration> delays = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      assertThat(poller.pollOnce()).isEqualTo(LiteWeightsPoller.Outcome.FAILED);
      delays.add(poller.nextDelay());
    }
    assertThat(delays).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
        Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));

    status.set(200);
    body.set(snapshot("w-2", NOW));
    assertThat(poller.pollOnce()).isEqualTo(LiteWeightsPoller.Outcome.STORED);
    assertThat(poller.nextDelay()).isEqualTo(Duration.ofSeconds(30));
  }
}
