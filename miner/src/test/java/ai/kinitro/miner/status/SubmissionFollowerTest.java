package ai.kinitro.miner.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import ai.kinitro.common.protocol.realtime.Subscribe;
import ai.kinitro.common.protocol.realtime.SubscriptionAck;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.common.protocol.realtime.Welcome;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.testing.TinyWebSocketServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** status over a real WebSocket with the realtime protocol's own codec on the server side. */
class SubmissionFollowerTest {
  private static final long SUBMISSION = 7312848011234567890L;
  private static final long JOB = 7312849021437952001L;
  private static final String DAVE = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
  private static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  private final ProtocolCodec<RealtimeMessage> server = RealtimeProtocol.serverCodec();
  private final AtomicLong sequence = new AtomicLong();

  private String event(String subscription, EventPayload payload) {
    return server.encode(new Event(subscription, sequence.incrementAndGet(), T, payload));
  }

  /** A backend that answers the follower's subscriptions with the submission's life. */
  private TinyWebSocketServer backend(boolean finish) throws IOException {
    return new TinyWebSocketServer((c, text) -> {
      if (!(server.decode(text) instanceof DecodeResult.Decoded<RealtimeMessage>(Subscribe s))) {
        return;
      }
      c.send(server.encode(new SubscriptionAck(s.requestId(), "s-" + s.requestId(), s.eventTypes(), s.filters())));
      String sub = "s-" + s.requestId();
      if (s.filters().submissionId().isPresent()) {
        c.send(event(sub, new EventPayload.SubmissionReceived(SUBMISSION, "7312840000000000001", DAVE, "v1", 42, T, T)));
        c.send(event(sub, new EventPayload.JobCreated(JOB, SUBMISSION, "7312840000000000001", DAVE, "classic", "cartpole", T)));
      } else if (s.filters().jobId().isPresent()) {
        c.send(event(sub, new EventPayload.JobStatusChanged(JOB, Optional.of(BOB), EvaluationStatus.RUNNING,
            Optional.empty(), T)));
        if (finish) {
          c.send(event("s-submission", new EventPayload.EpisodeCompleted(JOB, SUBMISSION, BOB, "classic/CartPole-v1:0", 0,
              "classic/CartPole-v1", true, 500, 500, T, T)));
          c.send(event("s-submission", new EventPayload.EvaluationCompleted(JOB, SUBMISSION, BOB, DAVE,
              "7312840000000000001", "cartpole", EvaluationStatus.COMPLETED, Optional.of(new Metrics(500, 1, 500, 1)), T)));
        } else {
          c.close();
        }
      }
    }, c -> c.send(server.encode(new Welcome(1, "rt-1", T))));
  }

  @Test
  void followsTheSubmissionThroughItsJobsToTheResult() throws IOException {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (TinyWebSocketServer ws = backend(true);
        SubmissionFollower f = SubmissionFollower.connect(BackendClient.defaultHttpClient(), ws.httpUrl(),
            Long.toString(SUBMISSION), (payload, state) -> seen.add(payload.eventType().toString()))) {

      boolean done = f.awaitDone(Duration.ofSeconds(10));

      assertThat(done).isTrue();
      assertThat(seen).containsExactly("SUBMISSION_RECEIVED", "JOB_CREATED", "JOB_STATUS_CHANGED", "EPISODE_COMPLETED",
          "EVALUATION_COMPLETED");
      SubmissionProgress p = f.progress();
      assertThat(p.received()).isPresent();
      assertThat(p.episodesCompleted()).isEqualTo(1);
      SubmissionProgress.Job job = p.jobs().get(JOB);
      assertThat(job.statuses()).containsEntry(BOB, EvaluationStatus.COMPLETED);
      assertThat(job.results()).containsExactly(new SubmissionProgress.Result(BOB, EvaluationStatus.COMPLETED,
          Optional.of(new Metrics(500, 1, 500, 1))));
      assertThat(ws.paths()).containsExactly("/ws/client");
      // First the submission, then the job it learned of.
      assertThat(ws.received()).hasSize(2);
      Subscribe second = (Subscribe) ((DecodeResult.Decoded<RealtimeMessage>) server.decode(ws.received().get(1))).message();
      assertThat(second.filters()).isEqualTo(new SubscriptionFilter(Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(JOB), Optional.empty()));
    }
  }

  @Test
  void aChannelClosedBeforeTheResultIsARealtimeFailure() throws IOException {
    try (TinyWebSocketServer ws = backend(false);
        SubmissionFollower f = SubmissionFollower.connect(BackendClient.defaultHttpClient(), ws.httpUrl(),
            Long.toString(SUBMISSION), StatusListener.NONE)) {

      assertThatThrownBy(() -> f.awaitDone(Duration.ofSeconds(10)))
          .isInstanceOfSatisfying(KinitroException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MINER_REALTIME_FAILED);
            assertThat(e.getMessage()).contains("closed the realtime channel");
          });
      assertThat(f.progress().jobs().get(JOB).statuses()).containsEntry(BOB, EvaluationStatus.RUNNING);
    }
  }

  @Test
  void aBackendThatIsNotThereIsUnreachable() {
    assertThatThrownBy(() -> SubmissionFollower.connect(BackendClient.defaultHttpClient(), URI.create("http://127.0.0.1:1"),
        "5", StatusListener.NONE))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MINER_BACKEND_UNREACHABLE));
  }

  @Test
  void theEndpointKeepsTheBackendsBasePath() {
    assertThat(SubmissionFollower.endpoint(URI.create("https://api.example.org/kinitro/")))
        .isEqualTo(URI.create("wss://api.example.org/kinitro/ws/client"));
    assertThat(SubmissionFollower.endpoint(URI.create("http://127.0.0.1:8080")))
        .isEqualTo(URI.create("ws://127.0.0.1:8080/ws/client"));
  }
}
