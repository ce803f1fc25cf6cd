package ai.kinitro.miner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import ai.kinitro.common.protocol.realtime.Subscribe;
import ai.kinitro.common.protocol.realtime.SubscriptionAck;
import ai.kinitro.common.protocol.realtime.Welcome;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.testing.TinyWebSocketServer;
import ai.kinitro.miner.wallet.Hotkeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code status} against a stand-in backend on one real port: the realtime channel ({@code
 * /ws/client}, the protocol's own codec) and the REST reads ({@code /submissions/{id}}, {@code
 * /jobs}), where the job's queue position lives.
 */
class StatusCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long SUBMISSION = 7312848011234567890L;
  private static final long JOB = 7312849021437952001L;
  private static final String COMPETITION = "7312840000000000001";
  private static final String DAVE = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
  private static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path tmp;
  private final ProtocolCodec<RealtimeMessage> codec = RealtimeProtocol.serverCodec();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger jobReads = new AtomicInteger();
  private final CountDownLatch running = new CountDownLatch(1);

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(Map.of(), tmp.resolve("home"), tmp, Hotkeys.passwords(Map.of(), null), false,
        BackendClient.defaultHttpClient(), SubstrateChainClient::connect, Clock.systemUTC());
    int exit = MinerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ctx);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String job(String status, String assignment) {
    return """
        {"id":"%d","submission_id":"%d","benchmark_name":"cartpole","status":"%s","validators":[%s]}"""
        .formatted(JOB, SUBMISSION, status, assignment);
  }

  private static String queued(int position) {
    return job("QUEUED", """
        {"validator_hotkey":"%s","status":"QUEUED","queue_position":%d,"progress_episodes":0}""".formatted(BOB, position));
  }

  private static final String RUNNING = job("RUNNING", """
      {"validator_hotkey":"%s","status":"RUNNING","progress_episodes":0,"total_episodes":2}""".formatted(BOB));

  /** GET /jobs answers: position 3, then 1, then running (and running from then on). */
  private String rest(String pathAndQuery) {
    if (pathAndQuery.startsWith("/submissions/" + SUBMISSION)) {
      return """
          {"id":"%d","version":"v1","evaluation":{"status":"RUNNING"}}""".formatted(SUBMISSION);
    }
    if (pathAndQuery.startsWith("/jobs?submission_id=" + SUBMISSION)) {
      int n = jobReads.incrementAndGet();
      String item = n == 1 ? queued(3) : n == 2 ? queued(1) : RUNNING;
      if (n >= 3) {
        running.countDown();
      }
      return "{\"items\":[" + item + "],\"total\":1,\"limit\":100,\"offset\":0}";
    }
    return null;
  }

  private String event(String subscription, EventPayload payload) {
    return codec.encode(new Event(subscription, sequence.incrementAndGet(), T, payload));
  }

  /** The submission's life on the realtime channel; the result comes once the REST side showed the job running. */
  private TinyWebSocketServer backend() throws IOException {
    return new TinyWebSocketServer((c, text) -> {
      if (!(codec.decode(text) instanceof DecodeResult.Decoded<RealtimeMessage>(Subscribe s))) {
        return;
      }
      String sub = "s-" + s.requestId();
      c.send(codec.encode(new SubscriptionAck(s.requestId(), sub, s.eventTypes(), s.filters())));
      if (s.filters().submissionId().isPresent()) {
        c.send(event(sub, new EventPayload.SubmissionReceived(SUBMISSION, COMPETITION, DAVE, "v1", 42, T, T)));
        c.send(event(sub, new EventPayload.JobCreated(JOB, SUBMISSION, COMPETITION, DAVE, "classic", "cartpole", T)));
      } else {
        c.send(event(sub, new EventPayload.JobStatusChanged(JOB, Optional.of(BOB), EvaluationStatus.QUEUED,
            Optional.empty(), T)));
        Thread.ofVirtual().start(() -> {
          try {
            if (running.await(30, TimeUnit.SECONDS)) {
              c.send(event(sub, new EventPayload.JobStatusChanged(JOB, Optional.of(BOB), EvaluationStatus.RUNNING,
                  Optional.empty(), T)));
              c.send(event("s-submission", new EventPayload.EvaluationCompleted(JOB, SUBMISSION, BOB, DAVE, COMPETITION,
                  "cartpole", EvaluationStatus.COMPLETED, Optional.of(new Metrics(500, 1, 500, 2)), T)));
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
    }, c -> c.send(codec.encode(new Welcome(1, "rt-1", T))), this::rest);
  }

  @Test
  void theLiveFollowShowsTheJobsQueuePositionUntilItLeavesTheQueue() throws IOException {
    try (TinyWebSocketServer ws = backend()) {
      Run r = run("status", "--backend", ws.httpUrl().toString(), "--submission-id", Long.toString(SUBMISSION),
          "--queue-refresh", "50ms", "--timeout", "1");

      assertThat(r.exit()).as(r.err()).isZero();
      List<String> lines = r.out().lines().toList();
      assertThat(lines).containsSubsequence(
          "job " + JOB + " (cartpole): queued, position 3 in the queue of validator 5FHneW…94ty",
          "job " + JOB + " (cartpole): queued, position 1 in the queue of validator 5FHneW…94ty",
          "no job of submission " + SUBMISSION + " waits in a queue any more",
          "Every job of submission " + SUBMISSION + " has a result.");
      assertThat(lines).filteredOn(l -> l.contains("position")).hasSize(2);
    }
  }

  @Test
  void statusOnceListsEachJobWithItsQueuePositionAndKeepsTheRawJobsInJson() throws IOException {
    try (TinyWebSocketServer ws = backend()) {
      Run human = run("status", "--backend", ws.httpUrl().toString(), "--submission-id", Long.toString(SUBMISSION),
          "--once");
      Run json = run("status", "--backend", ws.httpUrl().toString(), "--submission-id", Long.toString(SUBMISSION),
          "--once", "--json");

      assertThat(human.exit()).as(human.err()).isZero();
      assertThat(human.out().lines().toList()).containsExactly(
          "job " + JOB + " (cartpole): queued, position 3 in the queue of validator 5FHneW…94ty");
      assertThat(json.exit()).as(json.err()).isZero();
      JsonNode j = JSON.readTree(json.out());
      assertThat(j.path("jobs").get(0)).isEqualTo(JSON.readTree(queued(1)));
      assertThat(j.path("submission_id").asString()).isEqualTo(Long.toString(SUBMISSION));
      assertThat(j.path("known").asBoolean()).isTrue();
    }
  }
}
