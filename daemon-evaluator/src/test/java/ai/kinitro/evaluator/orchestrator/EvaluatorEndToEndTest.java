package ai.kinitro.evaluator.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.kinitro.common.agent.examples.PolicyAgent;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.validator.Artifact;
import ai.kinitro.common.protocol.validator.EpisodeData;
import ai.kinitro.common.protocol.validator.EpisodeStepData;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.JobStatusUpdate;
import ai.kinitro.common.protocol.validator.LogArtifact;
import ai.kinitro.common.protocol.validator.ResultLogs;
import ai.kinitro.evaluator.logs.LogBundles;
import ai.kinitro.queue.job.JobRecord;
import ai.kinitro.queue.job.JobState;
import ai.kinitro.rollout.runtime.LocalSandboxRuntime;
import ai.kinitro.testsupport.postgres.WithPostgres;
import ai.kinitro.testsupport.s3.S3ProxyServer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole evaluator in process: jobs queued as the validator queues them, agents built with the
 * Java SDK running as real processes in the local sandbox over gRPC, results, episodes, sampled
 * steps and statuses read back from the outbox, frames from the S3 server.
 */
@WithPostgres
@Tag("slow")
class EvaluatorEndToEndTest {
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
  private static final AtomicLong IDS = new AtomicLong(7_312_849_021_437_952_000L);
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
    assertThat(EvaluatorHarness.strayProcesses()).isEmpty();
  }

  private EvalJob queueJob(byte[] archive, int episodes, int steps, int maxAttempts) {
    Artifact artifact = harness.upload(archive);
    EvalJob job = EvaluatorHarness.job(IDS.incrementAndGet(), artifact, episodes, steps, Instant.now().plus(Duration.ofMinutes(10)));
    harness.enqueue(job, maxAttempts);
    return job;
  }

  private static byte[] cartPoleAgent() {
    return Archives.commandAgent(Archives.javaCommand(PolicyAgent.class.getName()));
  }

  private static byte[] misbehaving(String... modeAndArgs) {
    return Archives.commandAgent(Archives.javaCommand(MisbehavingAgents.class.getName(), modeAndArgs));
  }

  /** The stored log bundle the result refers to, parsed. */
  private JsonNode bundleOf(EvalResult result) {
    LogArtifact artifact = result.logs().flatMap(ResultLogs::artifact).orElseThrow(
        () -> new AssertionError("the result refers to no log bundle: " + result));
    return JsonMapper.builder().build().readTree(
        harness.s3Client.getObjectAsBytes(g -> g.bucket(artifact.bucket()).key(artifact.objectKey())).asByteArray());
  }

  private List<String> bundleKeysOf(EvalJob job) {
    return harness.s3Client.listObjectsV2(l -> l.bucket(EvaluatorHarness.FRAMES)
        .prefix(LogBundles.KEY_PREFIX + "/" + job.submissionId() + "/" + job.jobId() + "/")).contents().stream()
        .map(o -> o.key()).toList();
  }

  private EvalResult resultOf(EvalJob job) {
    List<EvalResult> results = harness.sent(EvalResult.class, job.jobId());
    assertThat(results).as("one eval_result per job").hasSize(1);
    return results.getFirst();
  }

  @Test
  void aQueuedJobEndsWithResultEpisodesSampledStepsAndFramesInS3() {
    Orchestrator orchestrator = harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    EvalJob job = queueJob(cartPoleAgent(), 2, 12, 3);

    JobRecord record = harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    assertThat(record.state()).isEqualTo(JobState.DONE);
    EvalResult result = resultOf(job);
    assertThat(result.status()).as(result.toString()).isEqualTo(EvaluationStatus.COMPLETED);
    assertThat(result.error()).isEmpty();
    assertThat(result.metrics().orElseThrow().totalEpisodes()).isEqualTo(2);
    assertThat(result.tasks()).singleElement().satisfies(t -> {
      assertThat(t.taskId()).isEqualTo("cartpole_0");
      assertThat(t.episodes()).isEqualTo(2);
      assertThat(t.erroredEpisodes()).isZero();
      assertThat(t.meanSteps()).isEqualTo(12.0);
    });
    assertThat(result.timings().startedAt()).isPresent();
    assertThat(harness.sent(JobStatusUpdate.class, job.jobId())).extracting(JobStatusUpdate::status)
        .startsWith(EvaluationStatus.STARTING, EvaluationStatus.RUNNING).doesNotContain(EvaluationStatus.QUEUED);

    List<EpisodeData> episodes = harness.sent(EpisodeData.class, job.jobId());
    assertThat(episodes).extracting(EpisodeData::taskId, EpisodeData::episodeIndex, EpisodeData::steps)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cartpole_0", 0, 12),
            org.assertj.core.groups.Tuple.tuple("cartpole_0", 1, 12));

    List<EpisodeStepData> batches = harness.sent(EpisodeStepData.class, job.jobId());
    // Steps 0, 5, 10 and the last (11) of each episode, in batches of at most 4.
    assertThat(batches.stream().filter(b -> b.episodeIndex() == 0).flatMap(b -> b.steps().stream()).map(s -> s.step()))
        .containsExactly(0, 5, 10, 11);
    assertThat(batches).allSatisfy(b -> assertThat(b.steps()).hasSizeLessThanOrEqualTo(4));
    List<ObservationRef> refs = batches.stream().flatMap(b -> b.steps().stream()).flatMap(s -> s.observationRefs().stream()).toList();
    assertThat(refs).hasSize(8).allSatisfy(ref -> {
      assertThat(ref.bucket()).isEqualTo(EvaluatorHarness.FRAMES);
      assertThat(ref.camera()).isEqualTo("default");
      byte[] png = harness.s3Client.getObjectAsBytes(g -> g.bucket(ref.bucket()).key(ref.key())).asByteArray();
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    });
    assertThat(refs.getFirst().key())
        .isEqualTo("observations/7312848011234567890/" + job.jobId() + "/cartpole_0/episode_0000/step_000000_default.png");
    assertThat(orchestrator.completed()).isEqualTo(1);
  }

  @Test
  void aCrashingAgentFailsItsJobAndTheEvaluatorGoesOnWithTheNext() {
    harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    EvalJob crash = queueJob(misbehaving("crash"), 2, 10, 3);
    EvalJob good = queueJob(cartPoleAgent(), 1, 5, 3);

    assertThat(harness.awaitFinished(crash.jobId(), JOB_TIMEOUT).state()).isEqualTo(JobState.DONE);
    assertThat(harness.awaitFinished(good.jobId(), JOB_TIMEOUT).state()).isEqualTo(JobState.DONE);

    EvalResult crashed = resultOf(crash);
    assertThat(crashed.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(crashed.error().orElseThrow().name()).as(crashed.toString()).isEqualTo(ErrorCode.AGENT_CRASHED.name());
    assertThat(crashed.metrics().orElseThrow().successRate()).isZero();
    assertThat(crashed.tasks().getFirst().erroredEpisodes()).isEqualTo(2);
    String inlineLog = crashed.logs().orElseThrow().text().orElseThrow();
    assertThat(inlineLog).as("the failure reason, then what the agent printed")
        .startsWith("failure: AGENT_CRASHED (" + ErrorCode.AGENT_CRASHED.number() + "): ").contains("imitating a segfault");
    assertThat(resultOf(good).status()).isEqualTo(EvaluationStatus.COMPLETED);
  }

  @Test
  void aHangingAgentFailsWithAnAgentTimeout() {
    harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(1))).start();
    EvalJob job = queueJob(misbehaving("hang"), 1, 10, 3);

    harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    EvalResult result = resultOf(job);
    assertThat(result.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(result.error().orElseThrow().name()).as(result.toString()).isEqualTo(ErrorCode.AGENT_TIMEOUT.name());
  }

  @Test
  void anAgentAnsweringWithAMalformedTensorFails() {
    harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    EvalJob job = queueJob(misbehaving("malformed"), 1, 10, 3);

    harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    EvalResult result = resultOf(job);
    assertThat(result.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(result.error().orElseThrow().name()).as(result.toString()).isEqualTo(ErrorCode.AGENT_MALFORMED_TENSOR.name());
  }

  @Test
  void anAgentTryingToOpenAnOutboundConnectionFailsWithANetworkAttempt() {
    assumeTrue(LocalSandboxRuntime.Config.detect(tmp).sandboxAvailable(), "needs bubblewrap and socat");
    harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    EvalJob job = queueJob(misbehaving("network", Integer.toString(s3.port())), 1, 10, 3);

    harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    EvalResult result = resultOf(job);
    assertThat(result.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(result.error().orElseThrow().name()).as(result.toString()).isEqualTo(ErrorCode.AGENT_NETWORK_ATTEMPT.name());
    assertThat(result.timings().startedAt()).as("the agent never ran").isEmpty();
  }

  @Test
  void aPlatformFaultIsRetriedAndReportedOnlyWhenTheAttemptsAreUsedUp() {
    harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    Artifact good = harness.upload(cartPoleAgent());
    // The store serves other bytes than the job names: the vault's problem, never the miner's.
    Artifact wrongDigest = new Artifact(good.url(), good.expiresAt(), "0".repeat(64), good.sizeBytes());
    EvalJob job = EvaluatorHarness.job(IDS.incrementAndGet(), wrongDigest, 1, 5, Instant.now().plus(Duration.ofMinutes(10)));
    harness.enqueue(job, 2);

    JobRecord record = harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    assertThat(record.attempts()).isEqualTo(2);
    assertThat(harness.sent(JobStatusUpdate.class, job.jobId())).extracting(JobStatusUpdate::status)
        .containsExactly(EvaluationStatus.STARTING, EvaluationStatus.QUEUED, EvaluationStatus.STARTING);
    EvalResult result = resultOf(job);
    assertThat(result.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(result.error().orElseThrow().name()).isEqualTo(ErrorCode.ARTIFACT_DIGEST_MISMATCH.name());
    assertThat(result.error().orElseThrow().message()).doesNotContain("X-Amz-Signature");
    assertThat(bundleKeysOf(job)).as("no bundle for the attempt that went back to the queue")
        .containsExactly("evaluation-logs/" + job.submissionId() + "/" + job.jobId() + "/attempt-2.json");
    JsonNode bundle = bundleOf(result);
    assertThat(bundle.get("attempt").asInt()).isEqualTo(2);
    assertThat(bundle.get("error").get("name").asString()).isEqualTo(ErrorCode.ARTIFACT_DIGEST_MISMATCH.name());
    assertThat(bundle.has("agent")).as("no agent ever started").isFalse();
  }

  @Test
  void aJobWhoseDeadlinePassedEndsAsTimeoutWithoutRunning() {
    harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    Artifact artifact = harness.upload(cartPoleAgent());
    EvalJob job = new EvalJob(java.util.UUID.randomUUID(), IDS.incrementAndGet(), 1L, "competition-1", EvaluatorHarness.MINER,
        EvaluatorHarness.job(1, artifact, 1, 5, Instant.now()).benchmark(), artifact, Instant.now().minusSeconds(5),
        Instant.now().minusSeconds(60));
    harness.enqueue(job, 3);

    harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    EvalResult result = resultOf(job);
    assertThat(result.status()).isEqualTo(EvaluationStatus.TIMEOUT);
    assertThat(result.error().orElseThrow().name()).isEqualTo(ErrorCode.JOB_DEADLINE_EXCEEDED.name());
    assertThat(bundleOf(result).get("status").asString()).isEqualTo("TIMEOUT");
  }

  @Test
  void aJobOfAnEvaluatorThatDiedIsReapedAndRunAgain() {
    EvalJob job = queueJob(cartPoleAgent(), 1, 5, 3);
    // A previous evaluator claimed it and died: it never heartbeats again.
    assertThat(harness.queue.claim("evaluation", "evaluator-that-crashed", 1)).hasSize(1);

    harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    JobRecord record = harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    assertThat(record.state()).isEqualTo(JobState.DONE);
    assertThat(record.attempts()).isEqualTo(2);
    assertThat(resultOf(job).status()).isEqualTo(EvaluationStatus.COMPLETED);
  }

  @Test
  void stoppingTheEvaluatorMidJobGivesTheJobBackWithoutBlamingTheAgent() {
    OrchestratorProperties quickShutdown = new OrchestratorProperties(1, null, null, "evaluator-under-test",
        Duration.ofMillis(200), Duration.ofMillis(500), 2, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(60), 1,
        Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(20), null,
        null, null);
    Orchestrator orchestrator = harness.orchestrator(quickShutdown).start();
    EvalJob job = queueJob(misbehaving("hang"), 1, 10, 3);
    EvaluatorHarness.await(() -> harness.sent(JobStatusUpdate.class, job.jobId()).stream()
        .anyMatch(s -> s.status() == EvaluationStatus.RUNNING), JOB_TIMEOUT, "the job to run");

    orchestrator.close();

    assertThat(harness.sent(EvalResult.class, job.jobId())).isEmpty();
    JobRecord record = harness.record(job.jobId());
    assertThat(record.state()).isEqualTo(JobState.READY);
    assertThat(record.lastError()).hasValueSatisfying(e -> assertThat(e).contains("EVALUATOR_SHUTTING_DOWN"));
  }

  @Test
  void aFinishedJobsResultPointsAtItsLogBundleHoldingTheAgentsOutputAndTheMetrics() {
    harness.orchestrator(EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    EvalJob job = queueJob(misbehaving("chatty", "1000"), 2, 8, 3);

    harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    EvalResult result = resultOf(job);
    assertThat(result.status()).as(result.toString()).isEqualTo(EvaluationStatus.COMPLETED);
    ResultLogs logs = result.logs().orElseThrow();
    String key = "evaluation-logs/" + job.submissionId() + "/" + job.jobId() + "/attempt-1.json";
    assertThat(logs.artifact()).hasValueSatisfying(a -> {
      assertThat(a.bucket()).isEqualTo(EvaluatorHarness.FRAMES);
      assertThat(a.objectKey()).isEqualTo(key);
      assertThat(a.uploadedAt()).isAfterOrEqualTo(result.timings().finishedAt());
      assertThat(a.publicUrl()).isEmpty();
    });
    assertThat(logs.truncated()).as("the inline log keeps only 200 lines").isTrue();
    assertThat(logs.text().orElseThrow()).contains("chatty line 1000").doesNotContain("chatty line 1\n");

    JsonNode bundle = bundleOf(result);
    JsonMapper json = JsonMapper.builder().build();
    assertThat(bundle.get("job_id").asString()).isEqualTo(Long.toString(job.jobId()));
    assertThat(bundle.get("submission_id").asString()).isEqualTo(Long.toString(job.submissionId()));
    assertThat(bundle.get("attempt").asInt()).isEqualTo(1);
    assertThat(bundle.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(bundle.has("error")).isFalse();
    assertThat(bundle.get("metrics")).isEqualTo(json.readTree(EvaluatorHarness.BACKEND.encode(result)).get("metrics"));
    assertThat(bundle.get("tasks")).isEqualTo(json.readTree(EvaluatorHarness.BACKEND.encode(result)).get("tasks"));
    String isolation = LocalSandboxRuntime.Config.detect(tmp).sandboxAvailable() ? "sandbox" : "process";
    assertThat(bundle.get("agent"))
        .isEqualTo(json.readTree("{\"name\": \"chatty-agent\", \"isolation\": \"" + isolation + "\"}"));
    List<String> lines = bundle.get("agent_output").get("lines").valueStream().map(JsonNode::asString).toList();
    assertThat(lines.stream().filter(l -> l.startsWith("chatty line ")).toList())
        .as("all of the agent's output, not only the inline tail")
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 1000).mapToObj(i -> "chatty line " + i).toList());
    assertThat(bundle.get("agent_output").get("truncated").asBoolean()).isFalse();
    assertThat(bundleKeysOf(job)).containsExactly(key);
    assertThat(harness.logBundles.stored()).isEqualTo(1);
  }

  @Test
  void aLogBundleThatCannotBeStoredLeavesTheResultWithoutAReference() {
    harness.orchestratorStoringIn("no-such-bucket", EvaluatorHarness.props(1, Duration.ofSeconds(5))).start();
    EvalJob job = queueJob(misbehaving("crash"), 1, 8, 3);

    JobRecord record = harness.awaitFinished(job.jobId(), JOB_TIMEOUT);

    assertThat(record.state()).isEqualTo(JobState.DONE);
    assertThat(record.attempts()).as("the bucket's fault does not retry the job").isEqualTo(1);
    EvalResult result = resultOf(job);
    assertThat(result.status()).isEqualTo(EvaluationStatus.FAILED);
    assertThat(result.error().orElseThrow().name()).isEqualTo(ErrorCode.AGENT_CRASHED.name());
    ResultLogs logs = result.logs().orElseThrow();
    assertThat(logs.artifact()).isEmpty();
    assertThat(logs.text().orElseThrow()).contains("imitating a segfault");
    assertThat(harness.logBundles.failures()).isEqualTo(1);
    assertThat(harness.logBundles.stored()).isZero();
  }
}
