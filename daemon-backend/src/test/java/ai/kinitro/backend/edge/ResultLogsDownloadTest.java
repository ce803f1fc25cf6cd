package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.support.Api;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Logs reported with a result over the real validator channel, served by the log routes over real
 * HTTP; a log bundle in the backend's own vault bucket (s3proxy) is downloadable through a URL the
 * backend signs, one in another bucket is only described.
 */
class ResultLogsDownloadTest extends EdgeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String BUCKET = "kinitro-edge";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired JobService jobs;
  @Autowired SubmissionRepository submissions;
  @Autowired S3Client s3;

  Sr25519KeyPair key;
  String hotkey;
  String apiKey;
  long competition;

  @BeforeEach
  void setUp() {
    CLOCK.reset();
    Validators.Enrolled validator = Validators.enrol(CHAIN, jdbc, ids, "Logs");
    key = validator.key();
    hotkey = validator.hotkey();
    apiKey = validator.apiKey();
    competition = Fixtures.competition(jdbc, ids, null, null, null);
  }

  @Test
  void aLogBundleInTheVaultBucketIsDownloadableThroughASignedUrlAndOneElsewhereIsOnlyDescribed() throws Exception {
    String objectKey = "evaluation-logs/" + UUID.randomUUID() + ".json";
    s3.putObject(b -> b.bucket(BUCKET).key(objectKey), RequestBody.fromString("{\"schema_version\":1}"));
    String miner = Ss58.encode(SecretUri.parse("//Logs//miner").publicKey());
    Job inVault;
    Job elsewhere;
    try (WsTestClient v = Validators.registered(port, key, apiKey)) {
      inVault = Validators.newJob(jdbc, ids, jobs, submissions, competition, miner);
      elsewhere = Validators.newJob(jdbc, ids, jobs, submissions, competition, miner);
      for (Job job : new Job[] {inVault, elsewhere}) {
        JsonNode delivered = v.next(f -> Validators.evalJobOf(f, job.id()), WAIT);
        v.send("{\"type\":\"delivery_ack\",\"acked_message_id\":\"" + delivered.path("message_id").asString() + "\",\"outcome\":\"stored\"}");
      }
      v.send(failedWithLogs(inVault.id(), BUCKET, objectKey));
      assertThat(v.next("result_ack", WAIT).path("outcome").asString()).isEqualTo("stored");
      v.send(failedWithLogs(elsewhere.id(), "validator-own-bucket", "logs/1.json"));
      assertThat(v.next("result_ack", WAIT).path("outcome").asString()).isEqualTo("stored");
    }
    long resultId = jdbc.queryForObject("SELECT id FROM results WHERE job_id = ?", Long.class, inVault.id());
    Api api = new Api(port);

    Api.Response byResult = api.get("/results/" + resultId + "/logs");
    Api.Response byJob = api.get("/jobs/" + inVault.id() + "/logs");
    Api.Response bySubmission = api.get("/submissions/" + inVault.submissionId() + "/logs");
    Api.Response other = api.get("/jobs/" + elsewhere.id() + "/logs");

    assertThat(byResult.status()).as(byResult.raw()).isEqualTo(200);
    JsonNode body = byResult.json();
    assertThat(body.path("result_id").asString()).isEqualTo(Long.toString(resultId));
    assertThat(body.path("job_id").asString()).isEqualTo(Long.toString(inVault.id()));
    assertThat(body.path("inline_logs").asString()).isEqualTo("failure: AGENT_CRASHED (1421): exited\n--- agent output ---\nboom\n");
    assertThat(body.path("inline_logs_truncated").asBoolean()).isTrue();
    assertThat(body.path("summary").path("status").asString()).isEqualTo("FAILED");
    assertThat(body.path("summary").path("failure_class").asString()).isEqualTo("AGENT");
    assertThat(body.path("summary").path("validator_hotkey").asString()).isEqualTo(hotkey);
    assertThat(body.path("artifact_metadata")).isEqualTo(Api.JSON.readTree("{\"bucket\":\"" + BUCKET + "\",\"object_key\":\"" + objectKey
        + "\",\"uploaded_at\":\"2026-03-01T12:10:41Z\"}"));
    Instant expires = Instant.parse(body.path("download").path("expires_at").asString());
    assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(5)), Instant.now().plus(Duration.ofHours(7)));
    HttpResponse<String> download = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(body.path("download").path("url").asString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo("{\"schema_version\":1}");

    assertThat(byJob.json().path("result_id")).isEqualTo(body.path("result_id"));
    assertThat(bySubmission.json().path("result_id")).isEqualTo(body.path("result_id"));

    assertThat(other.status()).as(other.raw()).isEqualTo(200);
    assertThat(other.json().has("download")).as("nobody here can sign for the validator's own bucket").isFalse();
    assertThat(other.json().path("artifact_metadata").path("bucket").asString()).isEqualTo("validator-own-bucket");
  }

  private static String failedWithLogs(long jobId, String bucket, String objectKey) {
    Instant t = Instant.now();
    return "{\"type\":\"eval_result\",\"message_id\":\"" + UUID.randomUUID() + "\",\"job_id\":\"" + jobId + "\",\"status\":\"FAILED\","
        + "\"tasks\":[],\"error\":{\"code\":1421,\"name\":\"AGENT_CRASHED\",\"message\":\"exited\"},"
        + "\"timings\":{\"received_at\":\"" + t.minusSeconds(60) + "\",\"finished_at\":\"" + t + "\"},"
        + "\"logs\":{\"text\":\"failure: AGENT_CRASHED (1421): exited\\n--- agent output ---\\nboom\\n\",\"truncated\":true,"
        + "\"artifact\":{\"bucket\":\"" + bucket + "\",\"object_key\":\"" + objectKey + "\",\"uploaded_at\":\"2026-03-01T12:10:41Z\"}}}";
  }
}
