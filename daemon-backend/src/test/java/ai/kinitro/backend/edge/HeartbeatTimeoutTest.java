package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.realtime.RealtimeListener;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.ws.validator.ValidatorChannel;
import ai.kinitro.backend.ws.validator.ValidatorChannelConfig;
import ai.kinitro.backend.ws.validator.ValidatorConnections;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A validator that stops heartbeating is dropped once the configured timeout (interval × missed
 * heartbeats) has passed on the backend's clock, a {@code validator_disconnected} event says why,
 * and on reconnect it gets every assignment it had not acked again (same message id). One that
 * keeps heartbeating stays connected.
 */
class HeartbeatTimeoutTest extends EdgeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired JobService jobs;
  @Autowired SubmissionRepository submissions;
  @Autowired ValidatorChannel channel;
  @Autowired ValidatorConnections connections;
  @Autowired ValidatorChannelConfig config;
  @Autowired RealtimeListener listener;

  Sr25519KeyPair key;
  String hotkey;
  String apiKey;
  long competition;

  @BeforeEach
  void setUp() {
    CLOCK.reset();
    Validators.Enrolled validator = Validators.enrol(CHAIN, jdbc, ids, "Heartbeat");
    key = validator.key();
    hotkey = validator.hotkey();
    apiKey = validator.apiKey();
    competition = Fixtures.competition(jdbc, ids, null, null, null);
  }

  @AfterEach
  void resetClock() {
    CLOCK.reset();
  }

  @Test
  void aSilentValidatorIsDroppedAfterTheTimeoutAndGetsItsUnackedAssignmentsAgainOnReconnect() throws Exception {
    assertThat(config.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(90));
    Awaitility.await().atMost(WAIT).until(listener::listening);
    String miner = Ss58.encode(SecretUri.parse("//Heartbeat//miner").publicKey());
    try (WsTestClient watcher = WsTestClient.connect(port, "/ws/client")) {
      watcher.next("welcome", WAIT);
      watcher.send("{\"type\":\"subscribe\",\"request_id\":\"hb\",\"event_types\":[\"validator_disconnected\"],"
          + "\"filters\":{\"validator_hotkey\":\"" + hotkey + "\"}}");
      watcher.next("subscription_ack", WAIT);

      WsTestClient first = Validators.registered(port, key, apiKey);
      String connectionId = jdbc.queryForObject("SELECT connection_id FROM validators WHERE hotkey = ?", String.class, hotkey);
      Job acked = Validators.newJob(jdbc, ids, jobs, submissions, competition, miner);
      Job unacked = Validators.newJob(jdbc, ids, jobs, submissions, competition, miner);
      // The two deliveries may arrive in either order.
      Map<Long, JsonNode> delivered = new HashMap<>();
      while (delivered.size() < 2) {
        JsonNode frame = first.next(f -> Validators.evalJobOf(f, acked.id()) || Validators.evalJobOf(f, unacked.id()), WAIT);
        delivered.put(Long.parseLong(frame.path("job_id").asString()), frame);
      }
      JsonNode ackedJob = delivered.get(acked.id());
      JsonNode unackedJob = delivered.get(unacked.id());
      first.send("{\"type\":\"delivery_ack\",\"acked_message_id\":\"" + ackedJob.path("message_id").asString()
          + "\",\"outcome\":\"stored\"}");
      Awaitility.await().atMost(WAIT).until(() -> jdbc.queryForObject(
          "SELECT acked_message_id IS NOT NULL FROM job_assignments WHERE job_id = ? AND validator_hotkey = ?", Boolean.class,
          acked.id(), hotkey));

      // 60 s in, one heartbeat; at 120 s the last heartbeat is 60 s old: still connected
      CLOCK.advance(Duration.ofSeconds(60));
      first.send("{\"type\":\"heartbeat\",\"timestamp\":\"" + Instant.now() + "\",\"queue_depth\":1,\"jobs_in_flight\":1}");
      first.next("heartbeat_ack", WAIT);
      CLOCK.advance(Duration.ofSeconds(60));
      channel.checkHeartbeats();
      assertThat(connections.connected(hotkey)).as("heartbeat 60 s ago, timeout 90 s").isTrue();

      // then silence: 91 s after the last heartbeat it is dropped
      CLOCK.advance(Duration.ofSeconds(31));
      channel.checkHeartbeats();

      assertThat(first.closeStatus(WAIT)).isEqualTo(4000);
      JsonNode event = watcher.next("event", WAIT);
      assertThat(event.path("event_type").asString()).isEqualTo("validator_disconnected");
      assertThat(event.path("payload").path("validator_hotkey").asString()).isEqualTo(hotkey);
      assertThat(event.path("payload").path("connection_id").asString()).isEqualTo(connectionId);
      assertThat(event.path("payload").path("reason").asString()).isEqualTo("Heartbeat timeout");
      assertThat(connections.connected(hotkey)).isFalse();
      assertThat(jdbc.queryForObject("SELECT connected FROM validators WHERE hotkey = ?", Boolean.class, hotkey)).isFalse();
      assertThat(jdbc.queryForMap("""
          SELECT status, acked_message_id IS NULL AS pending FROM job_assignments WHERE job_id = ? AND validator_hotkey = ?""",
          unacked.id(), hotkey)).as("the unacked assignment is still pending").isEqualTo(Map.of("status", "DELIVERED", "pending", true));
      first.abort();

      try (WsTestClient second = Validators.registered(port, key, apiKey)) {
        JsonNode again = second.next(f -> f.path("type").asString().equals("eval_job")
            && (f.path("job_id").asString().equals(Long.toString(unacked.id())) || f.path("job_id").asString().equals(Long.toString(acked.id()))), WAIT);
        assertThat(again.path("job_id").asString()).as("only the unacked job comes again").isEqualTo(Long.toString(unacked.id()));
        assertThat(again.path("message_id").asString()).isEqualTo(unackedJob.path("message_id").asString());
        assertThat(second.drain(Duration.ofSeconds(1))).noneMatch(f -> Validators.evalJobOf(f, acked.id()));
      }
    }
  }
}
