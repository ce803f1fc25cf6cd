package ai.kinitro.evaluator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.LogArtifact;
import ai.kinitro.common.protocol.validator.ResultLogs;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The URLs a real job's frame refs and log-bundle reference carry in the messages the evaluator
 * queues for the backend, with {@code frames.presign-ttl} or {@code frames.public-url-base} set.
 */
@WithPostgres
@Tag("slow")
class FrameAndBundleUrlsTest {
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
  private static final AtomicLong IDS = new AtomicLong(7_312_849_021_437_953_000L);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static S3ProxyServer s3;

  @TempDir
  Path tmp;

  private EvaluatorHarness harness;

  @BeforeAll
  static void startS3() {
    s3 = S3ProxyServer.start();
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @BeforeEach
  void wire(DataSource dataSource) {
    harness = new EvaluatorHarness(dataSource, s3, tmp);
  }

  @AfterEach
  void noAgentIsLeftBehind() {
    harness.close();
    EvaluatorHarness.await(() -> EvaluatorHarness.strayProcesses().isEmpty(), Duration.ofSeconds(10), "agents to exit");
  }

  /** Runs one CartPole episode of 6 steps (logged: steps 0 and 5) to its result. */
  private EvalJob runJob() {
    EvalJob job = EvaluatorHarness.job(IDS.incrementAndGet(),
        harness.upload(Archives.commandAgent(Archives.javaCommand(PolicyAgent.class.getName()))), 1, 6,
        Instant.now().plus(Duration.ofMinutes(10)));
    harness.enqueue(job, 1);
    harness.awaitFinished(job.jobId(), JOB_TIMEOUT);
    return job;
  }

  private List<ObservationRef> refsOf(EvalJob job) {
    return harness.sent(EpisodeStepData.class, job.jobId()).stream().flatMap(b -> b.steps().stream())
        .flatMap(s -> s.observationRefs().stream()).toList();
  }

  private LogArtifact bundleOf(EvalJob job) {
    List<EvalResult> results = harness.sent(EvalResult.class, job.jobId());
    assertThat(results).hasSize(1);
    assertThat(results.getFirst().status()).as(results.getFirst().toString()).isEqualTo(EvaluationStatus.COMPLETED);
    return results.getFirst().logs().flatMap(ResultLogs::artifact).orElseThrow();
  }

  private byte[] stored(String key) {
    return harness.s3Client.getObjectAsBytes(g -> g.bucket(EvaluatorHarness.FRAMES).key(key)).asByteArray();
  }

  @Test
  void withAPresignTtlEveryFrameRefAndTheBundleReferenceCarryAUrlThatDownloadsTheStoredBytes() throws Exception {
    harness.orchestratorWithUrls(null, Duration.ofDays(7), EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();

    EvalJob job = runJob();

    List<ObservationRef> refs = refsOf(job);
    assertThat(refs).extracting(ObservationRef::key).containsExactly(
        "observations/7312848011234567890/" + job.jobId() + "/cartpole_0/episode_0000/step_000000_default.png",
        "observations/7312848011234567890/" + job.jobId() + "/cartpole_0/episode_0000/step_000005_default.png");
    for (ObservationRef ref : refs) {
      URI url = ref.url().orElseThrow(() -> new AssertionError("no URL in " + ref));
      assertThat(url.toString()).startsWith(s3.endpoint() + "/" + EvaluatorHarness.FRAMES + "/" + ref.key() + "?")
          .contains("X-Amz-Expires=604800");
      byte[] body = get(url);
      assertThat(body).startsWith(0x89, 'P', 'N', 'G').isEqualTo(stored(ref.key()));
    }
    LogArtifact bundle = bundleOf(job);
    assertThat(bundle.objectKey()).isEqualTo("evaluation-logs/7312848011234567890/" + job.jobId() + "/attempt-1.json");
    assertThat(get(bundle.publicUrl().orElseThrow())).isEqualTo(stored(bundle.objectKey()));
  }

  @Test
  void withAPublicBaseEveryFrameRefAndTheBundleReferenceCarryTheBaseFollowedByTheKey() {
    harness.orchestratorWithUrls("https://frames.example.org/validator-7/", null,
        EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();

    EvalJob job = runJob();

    List<ObservationRef> refs = refsOf(job);
    assertThat(refs).hasSize(2).allSatisfy(ref -> assertThat(ref.url())
        .contains(URI.create("https://frames.example.org/validator-7/" + ref.key())));
    LogArtifact bundle = bundleOf(job);
    assertThat(bundle.publicUrl()).contains(URI.create("https://frames.example.org/validator-7/evaluation-logs/"
        + "7312848011234567890/" + job.jobId() + "/attempt-1.json"));
    assertThat(stored(bundle.objectKey())).isNotEmpty();
  }

  private static byte[] get(URI url) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("GET " + url.getRawPath()).isEqualTo(200);
    return response.body();
  }
}
