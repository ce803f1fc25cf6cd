package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.realtime.RealtimeListener;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Admin reruns announce their new jobs with {@code job_created}, as new submissions do. */
class RerunAnnouncementTest extends EdgeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired JobService jobs;
  @Autowired SubmissionRepository submissions;
  @Autowired RealtimeListener listener;

  @Test
  void aFollowerOfTheSubmissionReceivesJobCreatedForRerunJobs() throws Exception {
    Awaitility.await().atMost(WAIT).until(listener::listening);
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    String miner = Ss58.encode(SecretUri.parse("//Rerun//miner").publicKey());
    Job original = Validators.newJob(jdbc, ids, jobs, submissions, competition, miner);
    try (WsTestClient follower = WsTestClient.connect(port, "/ws/client")) {
      follower.next("welcome", WAIT);
      follower.send("{\"type\":\"subscribe\",\"request_id\":\"f\",\"event_types\":[\"job_created\"],"
          + "\"filters\":{\"submission_id\":\"" + original.submissionId() + "\"}}");
      follower.next("subscription_ack", WAIT);
      JsonNode initial = follower.next("event", WAIT);
      assertThat(initial.path("payload").path("job_id").asString()).isEqualTo(Long.toString(original.id()));

      Job rerun = jobs.rerunJob(original.id());
      JsonNode first = follower.next("event", WAIT);
      List<Job> resubmitted = jobs.rerunSubmission(original.submissionId(), List.of());
      JsonNode second = follower.next("event", WAIT);

      assertThat(first.path("event_type").asString()).isEqualTo("job_created");
      assertThat(first.path("payload")).isEqualTo(payloadJson(JobService.createdEvent(rerun)));
      assertThat(resubmitted).hasSize(1);
      assertThat(second.path("payload")).isEqualTo(payloadJson(JobService.createdEvent(resubmitted.getFirst())));
      assertThat(first.path("payload").path("job_id").asString()).isNotEqualTo(Long.toString(original.id()));
      assertThat(follower.drain(Duration.ofMillis(500))).noneMatch(f -> f.path("type").asString().equals("event"));
    }
  }

  private static JsonNode payloadJson(EventPayload payload) {
    return WsTestClient.JSON.readTree(RealtimeProtocol.codecBuilder().build().encode(new Event("s", 1, Instant.now(), payload)))
        .path("payload");
  }
}
