package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.realtime.RealtimeListener;
import ai.kinitro.backend.realtime.RealtimePublisher;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.realtime.EventPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Realtime subscribers over real WebSockets receive exactly what their filters select, via LISTEN/NOTIFY. */
class RealtimeChannelTest extends EdgeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String MINER = Ss58.encode(SecretUri.parse("//Alice//miner").publicKey());
  private static final String WATCHED = Ss58.encode(SecretUri.parse("//Charlie//validator").publicKey());
  private static final String OTHER = Ss58.encode(SecretUri.parse("//Bob//validator").publicKey());

  @LocalServerPort int port;
  @Autowired RealtimePublisher publisher;
  @Autowired RealtimeListener listener;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;

  @Test
  void eachSubscriberReceivesExactlyTheEventsItsFilterSelects() throws Exception {
    Awaitility.await().atMost(WAIT).until(listener::listening);
    Instant t = Instant.parse("2026-03-01T12:00:00Z");
    try (WsTestClient byCompetition = subscribe("r1", "[\"job_created\"]", "{\"competition_id\":\"777001\"}");
        WsTestClient byValidator = subscribe("r2", "[\"episode_completed\",\"validator_connected\"]",
            "{\"validator_hotkey\":\"" + WATCHED + "\"}")) {
      publisher.publishAll(List.of(
          new EventPayload.JobCreated(11, 21, "777001", MINER, "classic", "cartpole", t),
          new EventPayload.JobCreated(12, 22, "777002", MINER, "classic", "cartpole", t),
          new EventPayload.EpisodeCompleted(11, 21, WATCHED, "CartPole-v1_0", 0, "CartPole-v1", true, 1.5, 10, t, t),
          new EventPayload.EpisodeCompleted(11, 21, OTHER, "CartPole-v1_0", 0, "CartPole-v1", true, 1.5, 10, t, t),
          new EventPayload.ValidatorConnected(WATCHED, "c-1", t),
          new EventPayload.ValidatorConnected(OTHER, "c-2", t)));

      List<JsonNode> first = events(byCompetition, 1);
      List<JsonNode> second = events(byValidator, 2);

      assertThat(first).extracting(e -> e.path("payload").path("job_id").asString()).containsExactly("11");
      assertThat(second).extracting(e -> e.path("event_type").asString() + ":" + e.path("payload").path("validator_hotkey").asString())
          .containsExactly("episode_completed:" + WATCHED, "validator_connected:" + WATCHED);
      assertThat(second).extracting(e -> e.path("sequence").asLong()).containsExactly(1L, 2L);
    }
  }

  @Test
  void aSubscriberGetsTheInitialStateThenLiveEventsAndPingsAreAnswered() throws Exception {
    Awaitility.await().atMost(WAIT).until(listener::listening);
    try (WsTestClient stats = subscribe("r3", "[\"stats_updated\"]", "{}")) {
      JsonNode initial = stats.next("event", WAIT);
      stats.send("{\"type\":\"ping\",\"request_id\":\"p1\"}");
      JsonNode pong = stats.next("pong", WAIT);
      stats.send("{\"type\":\"subscribe_all\",\"request_id\":\"bad\"}");
      JsonNode error = stats.next("error", WAIT);

      assertThat(initial.path("event_type").asString()).isEqualTo("stats_updated");
      assertThat(pong.path("request_id").asString()).isEqualTo("p1");
      assertThat(error.path("name").asString()).isEqualTo("UNKNOWN_MESSAGE_TYPE");
      assertThat(error.path("request_id").asString()).isEqualTo("bad");
    }
  }

  @Test
  void anInitialStateIsSentWhenTheFilterLeavesCriteriaOut() throws Exception {
    Awaitility.await().atMost(WAIT).until(listener::listening);
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    try (WsTestClient all = subscribe("r4", "[\"competition_created\"]", "{}")) {
      List<JsonNode> initial = new java.util.ArrayList<>();
      initial.add(all.next("event", WAIT));
      initial.addAll(all.drain(Duration.ofMillis(500)).stream().filter(f -> f.path("type").asString().equals("event")).toList());

      assertThat(initial).extracting(e -> e.path("payload").path("competition_id").asString()).contains(Long.toString(competition));
    }
  }

  private WsTestClient subscribe(String requestId, String types, String filters) throws Exception {
    WsTestClient client = WsTestClient.connect(port, "/ws/client");
    assertThat(client.next(WAIT).path("type").asString()).isEqualTo("welcome");
    client.send("{\"type\":\"subscribe\",\"request_id\":\"" + requestId + "\",\"event_types\":" + types + ",\"filters\":" + filters + "}");
    JsonNode ack = client.next("subscription_ack", WAIT);
    assertThat(ack.path("request_id").asString()).isEqualTo(requestId);
    return client;
  }

  /** Waits for {@code expected} events, then a little longer to catch any extra one. */
  private static List<JsonNode> events(WsTestClient client, int expected) throws InterruptedException {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (int i = 0; i < expected; i++) {
      out.add(client.next("event", WAIT));
    }
    out.addAll(client.drain(Duration.ofMillis(500)).stream().filter(f -> f.path("type").asString().equals("event")).toList());
    return out;
  }

}
