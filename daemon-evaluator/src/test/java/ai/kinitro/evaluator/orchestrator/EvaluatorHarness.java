package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.validator.Artifact;
import ai.kinitro.common.protocol.validator.BenchmarkSpec;
import ai.kinitro.common.protocol.validator.EvalJob;
import ai.kinitro.common.protocol.validator.TaskSpec;
import ai.kinitro.common.protocol.validator.ValidatorMessage;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.evaluator.artifact.ArtifactFetcher;
import ai.kinitro.evaluator.episodes.EpisodeProperties;
import ai.kinitro.evaluator.episodes.FrameStore;
import ai.kinitro.evaluator.episodes.S3EvaluationStore;
import ai.kinitro.evaluator.logs.LogBundleStore;
import ai.kinitro.evaluator.logs.LogBundles;
import ai.kinitro.evaluator.report.BackendReports;
import ai.kinitro.evaluator.runtime.AgentRuntimes;
import ai.kinitro.evaluator.runtime.LocalAgentRuntimes;
import ai.kinitro.evaluator.runtime.RuntimeProperties;
import ai.kinitro.queue.QueueSchema;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.job.JobQueue;
import ai.kinitro.queue.job.JobRecord;
import ai.kinitro.queue.job.JobState;
import ai.kinitro.queue.job.NewJob;
import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxMessage;
import ai.kinitro.rollout.runtime.LocalSandboxRuntime;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.sql.DataSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The evaluator wired as in production (real queue and outbox on PostgreSQL, local sandbox
 * runtime, real S3 server for artifacts and frames), minus Spring: tests enqueue jobs as the
 * validator does and read what the evaluator appended to the outbox.
 */
final class EvaluatorHarness implements AutoCloseable {
  static final String VAULT = "vault";
  static final String FRAMES = "validator-frames";
  static final String MINER = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
  static final ProtocolCodec<ValidatorMessage> BACKEND = ValidatorProtocol.backendCodec();

  final DataSource dataSource;
  final S3ProxyServer s3;
  final S3Client s3Client;
  final S3Presigner presigner;
  final JobQueue queue;
  final Outbox outbox;
  final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("artifact-watchdog").factory());
  final Path workDir;
  /** The log bundles of the newest orchestrator. */
  LogBundles logBundles;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  EvaluatorHarness(DataSource dataSource, S3ProxyServer s3, Path workDir) {
    this.dataSource = dataSource;
    this.s3 = s3;
    this.workDir = workDir;
    QueueSchema.migrate(dataSource);
    truncate();
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
    this.s3Client = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.of(s3.region()))
        .credentialsProvider(credentials).forcePathStyle(true).build();
    this.presigner = S3Presigner.builder().endpointOverride(s3.endpoint()).region(Region.of(s3.region()))
        .credentialsProvider(credentials)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    for (String bucket : List.of(VAULT, FRAMES)) {
      try {
        s3Client.createBucket(b -> b.bucket(bucket));
      } catch (software.amazon.awssdk.services.s3.model.S3Exception alreadyThere) {
        // created by an earlier test of the class
      }
    }
    this.queue = new JobQueue(dataSource, Clock.systemUTC(), new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 2));
    this.outbox = new Outbox(dataSource, Clock.systemUTC(), RetryPolicy.DEFAULT);
  }

  private void truncate() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE kq_job, kq_outbox");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Orchestrator settings for tests: fast polls and heartbeats, short timeouts. A job counts as
   * dead after 20 missed heartbeats (10 s), so a stalled machine never makes the evaluator reap
   * its own running job.
   */
  static OrchestratorProperties props(int concurrency, Duration callTimeout) {
    return new OrchestratorProperties(concurrency, null, null, "evaluator-under-test", Duration.ofMillis(200),
        Duration.ofMillis(500), 20, Duration.ofMillis(500), Duration.ofSeconds(10), callTimeout, 1, Duration.ofMinutes(2),
        Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(20), null, null, null);
  }

  RuntimeProperties runtimeProps() {
    return new RuntimeProperties(null, workDir, false, Archives.classPath(), Duration.ofSeconds(30), Duration.ofMinutes(2),
        null, null, null, null);
  }

  /** A started orchestrator with the local runtime (sandboxed when bubblewrap and socat exist). */
  Orchestrator orchestrator(OrchestratorProperties props) {
    RuntimeProperties runtime = runtimeProps();
    AgentRuntimes runtimes = new LocalAgentRuntimes(
        LocalSandboxRuntime.Config.detect(runtime.workDir().resolve("agents")).withExtraReadOnlyPaths(runtime.extraReadOnlyPaths()));
    return orchestrator(props, runtimes, runtime);
  }

  Orchestrator orchestrator(OrchestratorProperties props, AgentRuntimes runtimes, RuntimeProperties runtime) {
    return orchestrator(props, runtimes, runtime, FRAMES);
  }

  /**
   * A started orchestrator with the local runtime whose frames and log bundles go to {@code
   * bucket} of the S3 server (which need not exist).
   */
  Orchestrator orchestratorStoringIn(String bucket, OrchestratorProperties props) {
    RuntimeProperties runtime = runtimeProps();
    AgentRuntimes runtimes = new LocalAgentRuntimes(
        LocalSandboxRuntime.Config.detect(runtime.workDir().resolve("agents")).withExtraReadOnlyPaths(runtime.extraReadOnlyPaths()));
    return orchestrator(props, runtimes, runtime, frames(bucket, null, null));
  }

  /**
   * A started orchestrator with the local runtime storing in {@link #FRAMES} whose frames and
   * bundles get URLs under {@code publicUrlBase} or presigned for {@code presignTtl} (either may be null).
   */
  Orchestrator orchestratorWithUrls(String publicUrlBase, Duration presignTtl, OrchestratorProperties props) {
    RuntimeProperties runtime = runtimeProps();
    AgentRuntimes runtimes = new LocalAgentRuntimes(
        LocalSandboxRuntime.Config.detect(runtime.workDir().resolve("agents")).withExtraReadOnlyPaths(runtime.extraReadOnlyPaths()));
    return orchestrator(props, runtimes, runtime, frames(FRAMES, publicUrlBase, presignTtl));
  }

  private EpisodeProperties.Frames frames(String bucket, String publicUrlBase, Duration presignTtl) {
    return new EpisodeProperties.Frames(bucket, s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey(), true,
        "observations", false, true, Duration.ofSeconds(10), publicUrlBase, presignTtl);
  }

  private Orchestrator orchestrator(OrchestratorProperties props, AgentRuntimes runtimes, RuntimeProperties runtime,
      String bucket) {
    return orchestrator(props, runtimes, runtime, frames(bucket, null, null));
  }

  private Orchestrator orchestrator(OrchestratorProperties props, AgentRuntimes runtimes, RuntimeProperties runtime,
      EpisodeProperties.Frames framesSettings) {
    EpisodeProperties episodes = new EpisodeProperties(5, 4, 32, framesSettings);
    Optional<S3EvaluationStore> store = S3EvaluationStore.create(episodes.frames(), Clock.systemUTC()).map(f -> {
      closeables.add(f);
      return f;
    });
    Optional<FrameStore> frames = store.map(FrameStore.class::cast);
    LogBundles bundles = new LogBundles(store.map(LogBundleStore.class::cast));
    this.logBundles = bundles;
    BackendReports reports = new BackendReports(outbox, ValidatorProtocol.validatorCodec(), props.topic(), Clock.systemUTC());
    ArtifactFetcher fetcher = new ArtifactFetcher(new ArtifactFetcher.Settings(props.connectTimeout(), props.downloadTimeout()),
        watchdog);
    PgWakeups wakeups = new PgWakeups(dataSource, List.of(JobQueue.CHANNEL), Duration.ofSeconds(1)).start();
    closeables.add(wakeups);
    Orchestrator o = new Orchestrator(queue, wakeups, runtimes, props,
        stopping -> new EvaluationHandler(ValidatorProtocol.validatorCodec(), reports, fetcher, runtimes,
            EnvironmentRegistry.standard(), frames, bundles, props, runtime, episodes, Clock.systemUTC(), stopping));
    closeables.add(o);
    return o;
  }

  /** Uploads an archive to the vault; returns its artifact with a presigned GET URL. */
  Artifact upload(byte[] archive) {
    String key = "submissions/" + UUID.randomUUID() + ".tar.gz";
    s3Client.putObject(b -> b.bucket(VAULT).key(key), RequestBody.fromBytes(archive));
    URI url = URI.create(presigner.presignGetObject(p -> p.signatureDuration(Duration.ofHours(1))
        .getObjectRequest(g -> g.bucket(VAULT).key(key))).url().toString());
    return new Artifact(url, Instant.now().plus(Duration.ofHours(1)), sha256(archive), archive.length);
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A CartPole job: one task, {@code episodes} episodes of at most {@code steps} steps, camera "default". */
  static EvalJob job(long jobId, Artifact artifact, int episodes, int steps, Instant deadline) {
    BenchmarkSpec benchmark = new BenchmarkSpec("classic", "classic-control", JsonNodeFactory.instance.objectNode(),
        List.of("default"), episodes, steps, List.of(new TaskSpec("cartpole_0", "CartPole-v1", 1001)));
    return new EvalJob(UUID.randomUUID(), jobId, 7312848011234567890L, "competition-1", MINER, benchmark, artifact,
        deadline, Instant.now().minusSeconds(1));
  }

  void enqueue(EvalJob job, int maxAttempts) {
    queue.enqueue(new NewJob("evaluation", Long.toString(job.jobId()), BACKEND.encode(job), 0, Optional.empty(), maxAttempts));
  }

  JobRecord record(long jobId) {
    return queue.find("evaluation", Long.toString(jobId)).orElseThrow();
  }

  /** Waits until the job is DONE or PARKED. */
  JobRecord awaitFinished(long jobId, Duration timeout) {
    await(() -> {
      JobState s = record(jobId).state();
      return s == JobState.DONE || s == JobState.PARKED;
    }, timeout, "job " + jobId + " to finish");
    return record(jobId);
  }

  /** Every message the evaluator appended, decoded, in order. */
  List<ValidatorMessage> sent() {
    List<OutboxMessage> messages = outbox.claimDue("backend", "test-reader", 10_000);
    outbox.redeliverAll("backend");
    return messages.stream().sorted(java.util.Comparator.comparingLong(OutboxMessage::seq)).map(m -> {
      DecodeResult<ValidatorMessage> d = BACKEND.decode(m.payload());
      if (d instanceof DecodeResult.Decoded<ValidatorMessage>(ValidatorMessage message)) {
        return message;
      }
      throw new AssertionError("the outbox holds an undecodable " + m.kind() + ": " + d);
    }).toList();
  }

  <T extends ValidatorMessage> List<T> sent(Class<T> type, long jobId) {
    return sent().stream().filter(type::isInstance).map(type::cast).filter(m -> jobOf(m) == jobId).toList();
  }

  private static long jobOf(ValidatorMessage m) {
    return switch (m) {
      case ai.kinitro.common.protocol.validator.EvalResult r -> r.jobId();
      case ai.kinitro.common.protocol.validator.JobStatusUpdate s -> s.jobId();
      case ai.kinitro.common.protocol.validator.EpisodeData e -> e.jobId();
      case ai.kinitro.common.protocol.validator.EpisodeStepData s -> s.jobId();
      default -> -1;
    };
  }

  static void await(Supplier<Boolean> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Processes started by this JVM other than the test's servers (PostgreSQL, s3proxy). */
  static List<String> strayProcesses() {
    return ProcessHandle.current().descendants()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().commandLine().orElse(p.info().command().orElse("?")))
        .filter(c -> !c.contains("postgres") && !c.contains("s3proxy"))
        .toList();
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeables.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        // best effort in tests
      }
    }
    watchdog.shutdownNow();
    presigner.close();
    s3Client.close();
  }
}
