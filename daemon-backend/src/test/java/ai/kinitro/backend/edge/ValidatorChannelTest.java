package ai.kinitro.backend.edge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.chain.ChainMonitor;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.ws.validator.ValidatorChannel;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.validator.Register;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * From a commitment to a stored result: the chain monitor turns the commitment into a submission
 * and jobs; a validator (real WebSocket, real sr25519 handshake) receives its assignment, gets it
 * again after reconnecting without acking, acks it, and reports its result twice — stored once,
 * with metadata from the job whatever the message claims.
 */
class ValidatorChannelTest extends EdgeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired ChainMonitor monitor;
  @Autowired ValidatorChannel channel;

  Miner dave;
  Sr25519KeyPair eve;
  String eveHotkey;
  String apiKey;
  long competition;

  @BeforeEach
  void setUp() {
    dave = new Miner("//Dave", port);
    CHAIN.register(dave.hotkey(), false);
    eve = SecretUri.parse("//Eve");
    eveHotkey = Ss58.encode(eve.publicKey());
    CHAIN.register(eveHotkey, true);
    apiKey = "kin_test_" + UUID.randomUUID();
    Fixtures.apiKey(jdbc, ids, apiKey, "validator", eveHotkey);
    competition = Fixtures.competition(jdbc, ids, null, null, null);
  }

  @Test
  void aCommitmentBecomesASubmissionWithSeededJobsAfterTheStoredArchiveIsVerified() throws Exception {
    byte[] archive = ("archive for commitment " + competition).getBytes(UTF_8);
    JsonNode ticket = upload(archive, "c1");
    long submissionId = Long.parseLong(ticket.path("submission_id").asString());
    long block = CHAIN.commit(dave.hotkey(), ticket.path("commitment").asString());
    int readsBefore = CHAIN.commitmentReads();

    ChainMonitor.Cycle cycle = monitor.pollOnce();

    assertThat(CHAIN.commitmentReads() - readsBefore).as("one commitment read per cycle").isEqualTo(1);
    assertThat(cycle.submissionIds()).containsExactly(submissionId);
    assertThat(jdbc.queryForObject("SELECT commitment_block FROM submissions WHERE id = ?", Long.class, submissionId))
        .isEqualTo(block);
    List<Map<String, Object>> jobs = jdbc.queryForList("SELECT benchmark_name, tasks::text AS tasks FROM jobs WHERE submission_id = ?",
        submissionId);
    assertThat(jobs).hasSize(1);
    JsonNode tasks = WsTestClient.JSON.readTree((String) jobs.getFirst().get("tasks"));
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).path("seed").asString()).isNotEqualTo(tasks.get(1).path("seed").asString());
    assertThat(monitor.pollOnce().submissionIds()).as("a standing commitment is ingested once").isEmpty();
  }

  @Test
  void aTamperedArchiveIsRejectedAtCommitmentAndFreesTheVersion() throws Exception {
    byte[] archive = "original bytes".getBytes(UTF_8);
    JsonNode ticket = upload(archive, "tamper");
    // Someone with the vault's credentials replaces the object: the re-check catches it.
    jdbc.update("UPDATE submission_uploads SET artifact_sha256 = ? WHERE id = ?", "00".repeat(32),
        Long.parseLong(ticket.path("submission_id").asString()));
    CHAIN.commit(dave.hotkey(), ticket.path("commitment").asString());

    ChainMonitor.Cycle cycle = monitor.pollOnce();

    assertThat(cycle.rejected()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT status_detail FROM submission_uploads WHERE id = ?", String.class,
        Long.parseLong(ticket.path("submission_id").asString()))).startsWith(ErrorCode.ARTIFACT_HASH_MISMATCH.name());
  }

  @Test
  void theValidatorGetsItsJobAgainAfterReconnectingAcksItAndItsResultIsStoredOnceWithTheJobsMetadata() throws Exception {
    byte[] archive = ("validator flow " + competition).getBytes(UTF_8);
    JsonNode ticket = upload(archive, "flow");
    long submissionId = Long.parseLong(ticket.path("submission_id").asString());
    CHAIN.commit(dave.hotkey(), ticket.path("commitment").asString());
    monitor.pollOnce();
    long jobId = jdbc.queryForObject("SELECT id FROM jobs WHERE submission_id = ?", Long.class, submissionId);

    JsonNode first;
    try (WsTestClient v = registered()) {
      first = v.next(f -> f.path("type").asString().equals("eval_job") && f.path("job_id").asString().equals(Long.toString(jobId)), WAIT);
      // disconnect without acking
    }
    assertThat(first.path("miner_hotkey").asString()).isEqualTo(dave.hotkey());
    JsonNode benchmark = first.path("benchmark");
    JsonNode storedTasks = WsTestClient.JSON.readTree(jdbc.queryForObject("SELECT tasks::text FROM jobs WHERE id = ?", String.class, jobId));
    assertThat(benchmark.path("provider").asString()).isEqualTo("classic");
    assertThat(benchmark.path("benchmark_name").asString()).isEqualTo("cartpole");
    assertThat(benchmark.path("config")).isEqualTo(WsTestClient.JSON.readTree("{\"image_size\":84,\"variants_per_task\":2}"));
    assertThat(benchmark.path("camera_names")).isEqualTo(WsTestClient.JSON.readTree("[\"default\"]"));
    assertThat(benchmark.path("episodes_per_task").asInt()).isEqualTo(2);
    assertThat(benchmark.path("max_episode_steps").asInt()).isEqualTo(100);
    assertThat(benchmark.path("tasks")).as("the stored task set, as the shared expansion names it").isEqualTo(storedTasks);
    assertThat(storedTasks.get(1).path("task_id").asString()).isEqualTo("classic/CartPole-v1:1");
    HttpResponse<byte[]> download = Miner.HTTP.send(HttpRequest.newBuilder(URI.create(first.path("artifact").path("url").asString())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.body()).isEqualTo(archive);

    try (WsTestClient v = registered()) {
      JsonNode again = v.next(f -> f.path("type").asString().equals("eval_job") && f.path("job_id").asString().equals(Long.toString(jobId)), WAIT);
      assertThat(again.path("message_id").asString()).isEqualTo(first.path("message_id").asString());
      v.send("{\"type\":\"delivery_ack\",\"acked_message_id\":\"" + again.path("message_id").asString() + "\",\"outcome\":\"stored\"}");

      v.send("this is not json");
      JsonNode error = v.next("error", WAIT);
      assertThat(error.path("code").asInt()).isEqualTo(ErrorCode.MALFORMED_MESSAGE.number());

      String resultId = UUID.randomUUID().toString();
      String result = evalResult(resultId, jobId);
      v.send(result);
      JsonNode ack1 = v.next("result_ack", WAIT);
      v.send(result);
      JsonNode ack2 = v.next("result_ack", WAIT);
      v.send(evalResult(UUID.randomUUID().toString(), 4242L));
      JsonNode notAssigned = v.next("result_ack", WAIT);
      v.send("{\"type\":\"heartbeat\",\"timestamp\":\"" + Instant.now() + "\",\"queue_depth\":0,\"jobs_in_flight\":0}");
      JsonNode heartbeatAck = v.next("heartbeat_ack", WAIT);

      assertThat(ack1.path("outcome").asString()).isEqualTo("stored");
      assertThat(ack2.path("outcome").asString()).isEqualTo("duplicate");
      assertThat(notAssigned.path("outcome").asString()).isEqualTo("rejected");
      assertThat(notAssigned.path("error").path("code").asInt()).isEqualTo(ErrorCode.JOB_NOT_ASSIGNED.number());
      assertThat(heartbeatAck.path("type").asString()).as("the socket stayed open").isEqualTo("heartbeat_ack");
    }
    List<Map<String, Object>> results = jdbc.queryForList(
        "SELECT miner_hotkey, competition_id, benchmark_name, validator_hotkey, status FROM results WHERE job_id = ?", jobId);
    assertThat(results).containsExactly(Map.of("miner_hotkey", dave.hotkey(), "competition_id", competition,
        "benchmark_name", "cartpole", "validator_hotkey", eveHotkey, "status", "COMPLETED"));
    assertThat(jdbc.queryForObject("SELECT status FROM job_assignments WHERE job_id = ?", String.class, jobId)).isEqualTo("COMPLETED");
  }

  @Test
  void aPlatformFaultIsRetriedWithANewDeliveryAndAnAgentFaultIsFinal() throws Exception {
    JsonNode ticket = upload(("retry " + competition).getBytes(UTF_8), "retry");
    CHAIN.commit(dave.hotkey(), ticket.path("commitment").asString());
    monitor.pollOnce();
    long jobId = jdbc.queryForObject("SELECT id FROM jobs WHERE submission_id = ?", Long.class,
        Long.parseLong(ticket.path("submission_id").asString()));
    try (WsTestClient v = registered()) {
      JsonNode job = v.next(f -> f.path("job_id").asString().equals(Long.toString(jobId)), WAIT);
      v.send("{\"type\":\"delivery_ack\",\"acked_message_id\":\"" + job.path("message_id").asString() + "\",\"outcome\":\"stored\"}");
      v.send(failedResult(UUID.randomUUID().toString(), jobId, ErrorCode.EXTERNAL_UNAVAILABLE));
      assertThat(v.next("result_ack", WAIT).path("outcome").asString()).isEqualTo("stored");

      channel.deliverPending();
      JsonNode retry = v.next(f -> f.path("job_id").asString().equals(Long.toString(jobId)), WAIT);
      assertThat(retry.path("message_id").asString()).isNotEqualTo(job.path("message_id").asString());
      v.send(failedResult(UUID.randomUUID().toString(), jobId, ErrorCode.INVALID_ARGUMENT));
      assertThat(v.next("result_ack", WAIT).path("outcome").asString()).isEqualTo("stored");
    }
    assertThat(jdbc.queryForMap("SELECT status, failure_class, attempts FROM job_assignments WHERE job_id = ?", jobId))
        .isEqualTo(Map.of("status", "FAILED", "failure_class", "AGENT", "attempts", 2));
    assertThat(jdbc.queryForList("SELECT failure_class FROM job_status_events WHERE job_id = ? AND status = 'FAILED' ORDER BY created_at",
        String.class, jobId)).containsExactly("PLATFORM", "AGENT");
  }

  @Test
  void aWrongSignatureIsRefusedAndTheSocketClosed() throws Exception {
    try (WsTestClient v = WsTestClient.connect(port, "/ws/validator")) {
      JsonNode challenge = v.next("auth_challenge", WAIT);
      Instant now = Instant.now();
      byte[] wrong = eve.sign("something else".getBytes(UTF_8));
      v.send(WsTestClient.JSON.writeValueAsString(Map.of("type", "register", "protocol_version", 1, "hotkey", eveHotkey,
          "api_key", apiKey, "nonce", challenge.path("nonce").asString(), "timestamp", now.toString(),
          "signature", "0x" + HexFormat.of().formatHex(wrong))));
      JsonNode error = v.next("error", WAIT);
      assertThat(error.path("code").asInt()).isEqualTo(ErrorCode.BAD_SIGNATURE.number());
      assertThat(v.isClosed(WAIT)).isTrue();
    }
  }

  private JsonNode upload(byte[] archive, String version) throws Exception {
    Miner.Response granted = dave.request(Miner.body(competition, version, archive));
    assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
    assertThat(Miner.put(granted.body(), archive, Map.of()).statusCode()).isEqualTo(200);
    return granted.body();
  }

  private WsTestClient registered() throws Exception {
    WsTestClient v = WsTestClient.connect(port, "/ws/validator");
    JsonNode challenge = v.next("auth_challenge", WAIT);
    Instant now = Instant.now();
    String nonce = challenge.path("nonce").asString();
    byte[] signature = eve.sign(Register.signingPayload(nonce, eveHotkey, now));
    v.send(ai.kinitro.common.protocol.validator.ValidatorProtocol.validatorCodec()
        .encode(Register.signed(eveHotkey, apiKey, nonce, now, signature)));
    JsonNode ack = v.next(WAIT);
    assertThat(ack.path("type").asString()).as(ack.toString()).isEqualTo("registration_ack");
    return v;
  }

  /** A result that also carries spoofed metadata fields (ignored: unknown fields). */
  private static String evalResult(String messageId, long jobId) {
    Instant t = Instant.now();
    return "{\"type\":\"eval_result\",\"message_id\":\"" + messageId + "\",\"job_id\":\"" + jobId + "\",\"status\":\"COMPLETED\","
        + "\"metrics\":{\"score\":10.5,\"success_rate\":0.5,\"avg_reward\":10.5,\"total_episodes\":4},\"tasks\":[],"
        + "\"timings\":{\"received_at\":\"" + t.minusSeconds(60) + "\",\"started_at\":\"" + t.minusSeconds(50)
        + "\",\"finished_at\":\"" + t + "\"},"
        + "\"miner_hotkey\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",\"competition_id\":\"1\",\"benchmark_name\":\"spoofed\"}";
  }

  private static String failedResult(String messageId, long jobId, ErrorCode code) {
    Instant t = Instant.now();
    return "{\"type\":\"eval_result\",\"message_id\":\"" + messageId + "\",\"job_id\":\"" + jobId + "\",\"status\":\"FAILED\","
        + "\"tasks\":[],\"error\":{\"code\":" + code.number() + ",\"name\":\"" + code.name() + "\",\"message\":\"boom\"},"
        + "\"timings\":{\"received_at\":\"" + t.minusSeconds(60) + "\",\"finished_at\":\"" + t + "\"}}";
  }
}
