package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.job.JobsProperties;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.ws.validator.ValidatorChannel;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A validator's {@code total_errors} counts what went wrong on its side: frames the channel refused,
 * reports the backend rejected, results reporting a platform fault, and assignments that hit their
 * deadline. Agent faults do not count.
 */
class ValidatorErrorCountTest extends EdgeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired JobService jobs;
  @Autowired SubmissionRepository submissions;
  @Autowired ValidatorChannel channel;
  @Autowired JobsProperties jobsConfig;

  @AfterEach
  void resetClock() {
    CLOCK.reset();
  }

  @Test
  void refusedFramesRejectedReportsPlatformFaultsAndMissedDeadlinesCountAsValidatorErrors() throws Exception {
    CLOCK.reset();
    Validators.Enrolled validator = Validators.enrol(CHAIN, jdbc, ids, "Errors");
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    String miner = Ss58.encode(SecretUri.parse("//Errors//miner").publicKey());
    long timeouts;
    try (WsTestClient v = Validators.registered(port, validator.key(), validator.apiKey())) {
      // a malformed frame and a report for a job it was never given: 2
      v.send("{\"type\":\"eval_result\",\"message_id\":\"not-a-uuid\"}");
      v.next("error", WAIT);
      v.send(result(ids.next(), ErrorCode.EXTERNAL_UNAVAILABLE));
      assertThat(v.next("result_ack", WAIT).path("outcome").asString()).isEqualTo("rejected");
      channel.checkHeartbeats();
      assertThat(totalErrors(validator.hotkey())).isEqualTo(2);

      // a platform fault reported (retried), then an agent fault (final, not counted): 3
      Job job = Validators.newJob(jdbc, ids, jobs, submissions, competition, miner);
      ack(v, v.next(f -> Validators.evalJobOf(f, job.id()), WAIT));
      v.send(result(job.id(), ErrorCode.EXTERNAL_UNAVAILABLE));
      assertThat(v.next("result_ack", WAIT).path("outcome").asString()).isEqualTo("stored");
      channel.deliverPending();
      ack(v, v.next(f -> Validators.evalJobOf(f, job.id()), WAIT));
      v.send(result(job.id(), ErrorCode.INVALID_ARGUMENT));
      assertThat(v.next("result_ack", WAIT).path("outcome").asString()).isEqualTo("stored");
      channel.checkHeartbeats();
      assertThat(totalErrors(validator.hotkey())).isEqualTo(3);

      // assignments past their deadline: one more each, written by the sweep at once
      Job late = Validators.newJob(jdbc, ids, jobs, submissions, competition, miner);
      ack(v, v.next(f -> Validators.evalJobOf(f, late.id()), WAIT));
      CLOCK.advance(jobsConfig.assignmentDeadline().plusSeconds(1));
      assertThat(channel.reapDeadlines()).as("other tests' assignments may be overdue too").isPositive();
      assertThat(jdbc.queryForObject("SELECT failure_class FROM job_status_events WHERE job_id = ? AND status = 'TIMEOUT'",
          String.class, late.id())).isEqualTo("PLATFORM");
      // (backfilled assignments of jobs other tests made were delivered to it too and are just as late)
      timeouts = jdbc.queryForObject("SELECT count(*) FROM job_status_events WHERE validator_hotkey = ? AND status = 'TIMEOUT'",
          Long.class, validator.hotkey());
      assertThat(totalErrors(validator.hotkey())).isEqualTo(3 + timeouts);

      // counted on the connection and written when it closes: one more
      v.send("{\"type\":\"auth_challenge\"}");
      v.next("error", WAIT);
    }
    long before = 3 + timeouts;
    Awaitility.await().atMost(WAIT).until(() -> totalErrors(validator.hotkey()) > before);
    assertThat(totalErrors(validator.hotkey())).isEqualTo(4 + timeouts);
    assertThat(validatorsRoute(validator.hotkey()).path("total_errors").asLong()).isEqualTo(4 + timeouts);
  }

  private long totalErrors(String hotkey) {
    return jdbc.queryForObject("SELECT total_errors FROM validators WHERE hotkey = ?", Long.class, hotkey);
  }

  private JsonNode validatorsRoute(String hotkey) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/validators/" + hotkey)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return WsTestClient.JSON.readTree(response.body());
  }

  private static void ack(WsTestClient v, JsonNode evalJob) {
    v.send("{\"type\":\"delivery_ack\",\"acked_message_id\":\"" + evalJob.path("message_id").asString() + "\",\"outcome\":\"stored\"}");
  }

  private static String result(long jobId, ErrorCode code) {
    Instant t = Instant.now();
    return "{\"type\":\"eval_result\",\"message_id\":\"" + UUID.randomUUID() + "\",\"job_id\":\"" + jobId + "\",\"status\":\"FAILED\","
        + "\"tasks\":[],\"error\":{\"code\":" + code.number() + ",\"name\":\"" + code.name() + "\",\"message\":\"boom\"},"
        + "\"timings\":{\"received_at\":\"" + t.minusSeconds(60) + "\",\"finished_at\":\"" + t + "\"}}";
  }
}
