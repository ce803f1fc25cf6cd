package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.realtime.RealtimeConfig;
import ai.kinitro.backend.realtime.RealtimeListener;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.backend.stats.GlobalStats;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code stats_updated} is sent live: a change of the global counters (here a validator
 * connecting) reaches a subscriber with the new counts, and a burst of changes yields at most one
 * event per {@code kinitro.realtime.stats-interval}.
 */
class LiveStatsTest extends EdgeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired RealtimeListener listener;
  @Autowired RealtimePublisher publisher;
  @Autowired RealtimeConfig config;
  @Autowired GlobalStats stats;

  @Test
  void aSubscriberReceivesTheNewCountsAfterAValidatorConnects() throws Exception {
    Awaitility.await().atMost(WAIT).until(listener::listening);
    Validators.Enrolled validator = Validators.enrol(CHAIN, jdbc, ids, "Stats");
    try (WsTestClient watcher = subscribe()) {
      watcher.next("event", WAIT); // the initial state, before the validator connects

      try (WsTestClient v = Validators.registered(port, validator.key(), validator.apiKey())) {
        assertThat(jdbc.queryForObject("SELECT connected FROM validators WHERE hotkey = ?", Boolean.class, validator.hotkey()))
            .isTrue();
        // the counters now, which count this validator (compared afresh: another test's validator may still be going away)
        JsonNode live = watcher.next(f -> f.path("type").asString().equals("event")
            && f.path("payload").equals(payloadJson(stats.compute())), WAIT);

        assertThat(live.path("event_type").asString()).isEqualTo("stats_updated");
        assertThat(live.path("payload").path("connected_validators").asInt()).isEqualTo(
            jdbc.queryForObject("SELECT count(*) FROM validators WHERE connected", Integer.class));
      }
    }
  }

  @Test
  void aBurstOfChangesYieldsAtMostOneEventPerInterval() throws Exception {
    Awaitility.await().atMost(WAIT).until(listener::listening);
    Duration interval = config.statsInterval();
    assertThat(interval).isEqualTo(Duration.ofSeconds(1));
    try (WsTestClient watcher = subscribe()) {
      watcher.next("event", WAIT); // the initial state
      long started = System.nanoTime();
      int burst = 200;
      String hotkey = Ss58.encode(SecretUri.parse("//Burst").publicKey());
      for (int i = 0; i < burst; i++) {
        publisher.publish(new EventPayload.ValidatorDisconnected(hotkey, "c-" + i, Instant.now(), Optional.of("burst")));
      }
      JsonNode first = watcher.next("event", WAIT);
      List<JsonNode> more = watcher.drain(interval.multipliedBy(3)).stream()
          .filter(f -> f.path("type").asString().equals("event")).toList();
      long window = System.nanoTime() - started;

      long bound = 1 + window / interval.toNanos();
      assertThat(first.path("event_type").asString()).isEqualTo("stats_updated");
      assertThat(more).allMatch(e -> e.path("event_type").asString().equals("stats_updated"));
      assertThat(1 + more.size()).as("events for %d changes in %d ms", burst, window / 1_000_000).isLessThanOrEqualTo((int) bound);
    }
  }

  private WsTestClient subscribe() throws Exception {
    WsTestClient client = WsTestClient.connect(port, "/ws/client");
    client.next("welcome", WAIT);
    client.send("{\"type\":\"subscribe\",\"request_id\":\"stats\",\"event_types\":[\"stats_updated\"],\"filters\":{}}");
    client.next("subscription_ack", WAIT);
    return client;
  }

  private static JsonNode payloadJson(EventPayload payload) {
    return WsTestClient.JSON.readTree(RealtimeProtocol.codecBuilder().build().encode(new Event("s", 1, Instant.now(), payload)))
        .path("payload");
  }
}
