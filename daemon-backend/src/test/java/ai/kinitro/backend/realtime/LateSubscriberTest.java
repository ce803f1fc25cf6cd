package ai.kinitro.backend.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.edge.WsTestClient;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobRepository;
import ai.kinitro.backend.result.Result;
import ai.kinitro.backend.result.ResultRepository;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.support.BackendIntegrationTest;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A follower that connects after things happened gets the current state of what its filter
 * selects first (over a real WebSocket, from the real database), before any live event.
 */
class LateSubscriberTest extends BackendIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** A miner of this test only (the context and its database are shared by every test class). */
  private final String followedMiner = Ss58.encode(SecretUri.parse("//Ferdie//" + java.util.UUID.randomUUID()).publicKey());
  private final String otherMiner = Ss58.encode(SecretUri.parse("//Dave//" + java.util.UUID.randomUUID()).publicKey());
  private static final String VALIDATOR = Ss58.encode(SecretUri.parse("//Eve//late-validator").publicKey());

  @Autowired SubmissionRepository submissions;
  @Autowired JobRepository jobs;
  @Autowired ResultRepository results;

  Submission followed;
  Job followedJob;
  Result followedResult;

  @BeforeEach
  void history() {
    fixtures.disconnectAll();
    Competition competition = fixtures.competition(10, 0.5, 0.05);
    followed = fixtures.submission(competition, followedMiner);
    followedJob = fixtures.jobs(followed).getFirst();
    followedResult = fixtures.completed(followedJob, VALIDATOR, 3.5, 0.5);
    Submission other = fixtures.submission(competition, otherMiner);
    fixtures.completed(fixtures.jobs(other).getFirst(), VALIDATOR, 1.0, 0.0);
  }

  @Test
  void aLateSubscriberFilteringBySubmissionGetsThatSubmissionsStateFirst() throws Exception {
    List<EventPayload> initial = initialState("[\"submission_received\",\"job_created\",\"evaluation_completed\"]",
        "{\"submission_id\":\"" + followed.id() + "\"}", 3);

    assertThat(initial).containsExactly(submissionReceived(), jobCreated(), evaluationCompleted());
  }

  @Test
  void aLateSubscriberFilteringByMinerGetsThatMinersStateFirst() throws Exception {
    List<EventPayload> initial = initialState("[\"job_created\",\"submission_received\"]",
        "{\"miner_hotkey\":\"" + followedMiner + "\"}", 2);

    assertThat(initial).containsExactly(jobCreated(), submissionReceived());
  }

  @Test
  void aLateSubscriberFilteringByJobGetsThatJobsStateFirst() throws Exception {
    List<EventPayload> initial = initialState("[\"job_created\",\"evaluation_completed\"]",
        "{\"job_id\":\"" + followedJob.id() + "\"}", 2);

    assertThat(initial).containsExactly(jobCreated(), evaluationCompleted());
  }

  /** Subscribes and returns the first {@code count} events, failing if fewer arrive. */
  private List<EventPayload> initialState(String types, String filters, int count) throws Exception {
    var codec = RealtimeProtocol.clientCodec();
    try (WsTestClient client = WsTestClient.connect(port, RealtimeProtocol.PATH)) {
      assertThat(client.next(WAIT).path("type").asString()).isEqualTo("welcome");
      client.send("{\"type\":\"subscribe\",\"request_id\":\"late\",\"event_types\":" + types + ",\"filters\":" + filters + "}");
      client.next("subscription_ack", WAIT);
      List<EventPayload> events = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        JsonNode frame = client.next("event", WAIT);
        DecodeResult<RealtimeMessage> decoded = codec.decode(frame.toString());
        assertThat(decoded).isInstanceOf(DecodeResult.Decoded.class);
        events.add(((Event) ((DecodeResult.Decoded<RealtimeMessage>) decoded).message()).payload());
      }
      return events;
    }
  }

  private EventPayload submissionReceived() {
    Submission s = submissions.findById(followed.id()).orElseThrow();
    return new EventPayload.SubmissionReceived(s.id(), Long.toString(s.competitionId()), s.minerHotkey(), s.version(),
        s.commitmentBlock(), s.createdAt(), s.holdoutReleaseAt());
  }

  private EventPayload jobCreated() {
    Job j = jobs.findById(followedJob.id()).orElseThrow();
    return new EventPayload.JobCreated(j.id(), j.submissionId(), Long.toString(j.competitionId()), j.minerHotkey(), j.provider(),
        j.benchmarkName(), j.createdAt());
  }

  private EventPayload evaluationCompleted() {
    Result r = results.findById(followedResult.id()).orElseThrow();
    return new EventPayload.EvaluationCompleted(r.jobId(), r.submissionId(), r.validatorHotkey(), r.minerHotkey(),
        Long.toString(r.competitionId()), r.benchmarkName(), EvaluationStatus.COMPLETED,
        Optional.of(new Metrics(r.score(), r.successRate(), r.avgReward(), r.totalEpisodes())), r.resultTime());
  }
}
