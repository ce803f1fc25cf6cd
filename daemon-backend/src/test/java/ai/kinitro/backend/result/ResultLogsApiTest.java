package ai.kinitro.backend.result;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.FailureClass;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.support.Api;
import ai.kinitro.backend.support.BackendIntegrationTest;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The log routes over real HTTP on a backend without a vault: inline logs are served, a public
 * log-bundle URL is handed out as is, a bundle that would need signing is 503, and where there is
 * nothing the answer is 404. Job and submission routes pick the newest result that has logs.
 */
class ResultLogsApiTest extends BackendIntegrationTest {
  private static final String INLINE = "failure: AGENT_CRASHED (1421): exited\n--- agent output, last 1 lines ---\nboom\n";

  @Autowired JdbcTemplate jdbc;

  String first;
  String second;
  Submission submission;
  Job job;

  @BeforeEach
  void setUp() {
    first = Ss58.encode(SecretUri.parse("//Logs//" + UUID.randomUUID()).publicKey());
    second = Ss58.encode(SecretUri.parse("//Logs//" + UUID.randomUUID()).publicKey());
    Competition competition = fixtures.competition(10, 0.5, 0.05);
    submission = fixtures.submission(competition, Ss58.encode(SecretUri.parse("//Logs//" + UUID.randomUUID()).publicKey()));
    job = fixtures.jobs(submission).getFirst();
  }

  private Result result(String validator, String extra, Instant at) {
    Result r = fixtures.result(job, validator, AssignmentStatus.FAILED, FailureClass.AGENT, null, null);
    jdbc.update("UPDATE results SET extra = ?::jsonb, result_time = ? WHERE id = ?", extra, Timestamp.from(at), r.id());
    return r;
  }

  private static String inline(String text, boolean truncated) {
    return Api.JSON.createObjectNode().set("logs", Api.JSON.createObjectNode().put("text", text).put("truncated", truncated)).toString();
  }

  @Test
  void inlineLogsAreServedWithTheResultsSummaryAndNoDownload() {
    Result r = result(first, inline(INLINE, false), Instant.parse("2026-03-01T12:00:00Z"));

    Api.Response response = api().get("/results/" + r.id() + "/logs");

    assertThat(response.status()).as(response.raw()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(Api.JSON.readTree("""
        {"result_id": "%d", "job_id": "%d",
         "summary": {"submission_id": "%d", "validator_hotkey": "%s", "benchmark_name": "cartpole", "status": "FAILED",
                     "failure_class": "AGENT", "total_episodes": 2, "result_time": "2026-03-01T12:00:00Z"},
         "inline_logs": %s, "inline_logs_truncated": false}""".formatted(r.id(), job.id(), submission.id(), first,
        Api.JSON.writeValueAsString(INLINE))));
  }

  @Test
  void aPublicBundleUrlIsTheDownloadAndABundleThatWouldNeedSigningIs503WithoutAVault() {
    Result withPublic = result(first, """
        {"logs": {"truncated": false, "artifact": {"bucket": "operator-logs", "object_key": "a/b.json",
                  "uploaded_at": "2026-03-01T12:10:41Z", "public_url": "https://logs.example.com/a/b.json"}}}""",
        Instant.parse("2026-03-01T12:00:00Z"));
    Result needsSigning = result(second, """
        {"logs": {"text": "x", "truncated": false, "artifact": {"bucket": "kinitro-vault", "object_key": "a/c.json",
                  "uploaded_at": "2026-03-01T12:10:41Z"}}}""", Instant.parse("2026-03-01T12:01:00Z"));

    Api.Response shared = api().get("/results/" + withPublic.id() + "/logs");
    Api.Response unsigned = api().get("/results/" + needsSigning.id() + "/logs");

    assertThat(shared.status()).as(shared.raw()).isEqualTo(200);
    assertThat(shared.json().path("download")).isEqualTo(Api.JSON.readTree("{\"url\": \"https://logs.example.com/a/b.json\"}"));
    assertThat(shared.json().path("artifact_metadata")).isEqualTo(Api.JSON.readTree("""
        {"bucket": "operator-logs", "object_key": "a/b.json", "uploaded_at": "2026-03-01T12:10:41Z",
         "public_url": "https://logs.example.com/a/b.json"}"""));
    assertThat(shared.json().has("inline_logs")).isFalse();
    assertThat(unsigned.status()).as(unsigned.raw()).isEqualTo(503);
    assertThat(unsigned.json().path("error").asString()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE.name());
    assertThat(unsigned.json().path("detail").asString()).contains("vault is not configured");
  }

  @Test
  void jobAndSubmissionRoutesServeTheNewestResultWithLogsAndCanBeNarrowedToAValidator() {
    Result older = result(first, inline("older", false), Instant.parse("2026-03-01T12:00:00Z"));
    Result newer = result(second, inline("newer", true), Instant.parse("2026-03-01T13:00:00Z"));

    assertThat(api().get("/jobs/" + job.id() + "/logs").json().path("result_id").asString()).isEqualTo(Long.toString(newer.id()));
    assertThat(api().get("/submissions/" + submission.id() + "/logs").json().path("result_id").asString())
        .isEqualTo(Long.toString(newer.id()));
    assertThat(api().get("/jobs/" + job.id() + "/logs?validator_hotkey=" + first).json().path("inline_logs").asString())
        .isEqualTo("older");
    assertThat(api().get("/submissions/" + submission.id() + "/logs?validator_hotkey=" + first).json().path("result_id").asString())
        .isEqualTo(Long.toString(older.id()));
  }

  @Test
  void whereThereAreNoLogsTheAnswerIs404() {
    Result none = result(first, "{}", Instant.parse("2026-03-01T12:00:00Z"));

    Api.Response resultWithout = api().get("/results/" + none.id() + "/logs");
    Api.Response jobWithout = api().get("/jobs/" + job.id() + "/logs");
    Api.Response submissionWithout = api().get("/submissions/" + submission.id() + "/logs");
    Api.Response unknownResult = api().get("/results/1/logs");
    Api.Response unknownJob = api().get("/jobs/1/logs");

    for (Api.Response r : new Api.Response[] {resultWithout, jobWithout, submissionWithout, unknownResult, unknownJob}) {
      assertThat(r.status()).as(r.raw()).isEqualTo(404);
      assertThat(r.json().path("code").asInt()).isEqualTo(ErrorCode.NOT_FOUND.number());
    }
    assertThat(resultWithout.json().path("detail").asString()).isEqualTo("Result " + none.id()
        + " carries no logs: its validator sent none (results the backend wrote itself, such as a missed deadline, never have any)");
    assertThat(jobWithout.json().path("detail").asString()).isEqualTo("Job " + job.id() + " has no result with logs yet");
    assertThat(unknownJob.json().path("detail").asString()).isEqualTo("No job with id 1");
  }
}
