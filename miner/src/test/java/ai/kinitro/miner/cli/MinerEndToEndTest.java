package ai.kinitro.miner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.status.SubmissionFollower;
import ai.kinitro.miner.status.SubmissionProgress;
import ai.kinitro.miner.wallet.Hotkeys;
import ai.kinitro.testsupport.agent.TestAgentProject;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import ai.kinitro.testsupport.process.DaemonProcess;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance path of issue #8 with nothing faked: the backend's executable jar as a process
 * (PostgreSQL, s3proxy as its vault, the embedded dev chain as its chain), and the miner's command
 * line doing init, check, local-eval (benchmarks fetched from the backend), package, upload (signed
 * request, presigned PUT into s3proxy), commit (dev chain). The backend's chain monitor then matches
 * the commitment with the upload and creates the submission and its jobs: the live follower sees
 * both events on {@code /ws/client}, and {@code status --once} reads them back over REST.
 */
@Tag("slow")
class MinerEndToEndTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long COMPETITION = 7312840000000000001L;
  private static final String BENCHMARKS = """
      [{"name":"cartpole","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":2,
        "episodes_per_task":1,"max_episode_steps":50,"cameras":["default"],"image_size":84}]""";

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(Map.of(), tmp.resolve("home"), tmp, Hotkeys.passwords(Map.of(), null), false,
        BackendClient.defaultHttpClient(), SubstrateChainClient::connect, Clock.systemUTC());
    int exit = MinerCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), ctx);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void initCheckEvaluatePackageUploadCommitAndTheBackendCreatesTheSubmissionAndItsJobs() throws Exception {
    Path jar = Path.of(System.getProperty("kinitro.backend.jar", "../daemon-backend/target/kinitro-backend.jar"));
    assumeTrue(Files.isRegularFile(jar), "the backend's executable jar is built (package phase of daemon-backend)");
    TestDatabase db = TestPostgres.shared().createDatabase("miner_e2e");
    try (DevChain chain = DevChain.start(DevChainConfig.forTests().withBlockTime(Duration.ofMillis(250)));
        S3ProxyServer s3 = S3ProxyServer.start();
        DaemonProcess backend = DaemonProcess.start(jar, "server.port", List.of(
            "--kinitro.state-dir=" + tmp.resolve("backend-state"),
            "--kinitro.database.url=" + db.jdbcUrl(), "--kinitro.database.user=" + db.user(),
            "--kinitro.database.password=" + db.password(),
            "--kinitro.vault.endpoint=" + s3.endpoint(), "--kinitro.vault.region=" + s3.region(),
            "--kinitro.vault.bucket=kinitro-miner-e2e", "--kinitro.vault.access-key=" + s3.accessKey(),
            "--kinitro.vault.secret-key=" + s3.secretKey(), "--kinitro.vault.create-bucket=true",
            "--kinitro.chain.endpoint=" + chain.url(), "--kinitro.chain.netuid=1", "--kinitro.chain.poll-interval=1s",
            "--kinitro.health.chain-stale-intervals=60",
            "--kinitro.chain.metagraph-ttl=0s",
            "--kinitro.jobs.seed-secret=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
            Map.of(), tmp.resolve("logs"))) {
      backend.awaitHttpOk("/actuator/health", Duration.ofSeconds(120));
      insertCompetition(db);
      String backendUrl = backend.baseUri().toString();

      Run init = run("init", "agent", "--template", "java", "--java", TestAgentProject.JAVA, "--competition",
          Long.toString(COMPETITION), "--json");
      assertThat(init.exit()).as(init.err()).isZero();
      TestAgentProject.build(tmp.resolve("agent"));
      List<String> common = List.of("--config", "agent/miner.toml", "--backend", backendUrl, "--chain",
          chain.url().toString(), "--json");

      Run check = run(args("check", common));
      assertThat(check.exit()).as(check.err()).isZero();
      Run eval = run(args("local-eval", common, "--seed", "3"));
      assertThat(eval.exit()).as(eval.err()).isZero();
      assertThat(eval.json().path("benchmarks").get(0).path("name").asString()).isEqualTo("cartpole");
      Run pack = run(args("package", common));
      assertThat(pack.exit()).as(pack.err()).isZero();
      Run upload = run(args("upload", common, "--version", "v1"));
      assertThat(upload.exit()).as(upload.err() + backend.tail()).isZero();
      String submission = upload.json().path("submission_id").asString();
      assertThat(upload.json().path("sha256")).isEqualTo(pack.json().path("sha256"));
      // Follow the submission live from before the commitment: the backend's events arrive as it ingests it.
      List<String> seen = new CopyOnWriteArrayList<>();
      try (SubmissionFollower follower = SubmissionFollower.connect(BackendClient.defaultHttpClient(), backend.baseUri(),
          submission, (payload, state) -> seen.add(payload.eventType().toString()))) {
        Run commit = run(args("commit", common));
        assertThat(commit.exit()).as(commit.err()).isZero();
        assertThat(commit.json().path("commitment").asString()).isEqualTo("k1:" + COMPETITION + ":" + submission);

        Instant deadline = Instant.now().plusSeconds(60);
        // The follower updates its state before it tells the listener: wait for what the listener saw too.
        while ((follower.progress().jobs().isEmpty() || follower.progress().received().isEmpty() || seen.size() < 2)
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(200);
        }
        assertThat(seen).as(backend.tail()).startsWith("SUBMISSION_RECEIVED", "JOB_CREATED");
        // Subscribing to the new job may bring its current status as the subscription's initial state.
        assertThat(seen.subList(2, seen.size())).allMatch("JOB_STATUS_CHANGED"::equals);
        assertThat(follower.progress().received().orElseThrow().version()).isEqualTo("v1");
        assertThat(follower.progress().jobs().values()).extracting(SubmissionProgress.Job::benchmarkName)
            .containsExactly("cartpole");
      }
      Run status = run(args("status", common, "--once"));
      assertThat(status.exit()).as(status.err() + backend.tail()).isZero();
      JsonNode s = status.json();
      assertThat(s.path("known").asBoolean()).as(backend.tail()).isTrue();
      assertThat(s.path("submission").path("miner_hotkey").asString())
          .isEqualTo("5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy");
      assertThat(s.path("submission").path("version").asString()).isEqualTo("v1");
      assertThat(s.path("jobs")).hasSize(1);
      assertThat(s.path("jobs").get(0).path("benchmark_name").asString()).isEqualTo("cartpole");

    } finally {
      TestPostgres.shared().dropDatabase(db);
    }
  }

  private static String[] args(String command, List<String> common, String... more) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.addAll(common);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static void insertCompetition(TestDatabase db) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("""
            INSERT INTO competitions (id, name, benchmarks, points, submission_holdout_seconds, submission_max_size_bytes,
                                      submission_upload_window_seconds, submission_uploads_per_window)
            VALUES (?, 'Local CartPole', ?::jsonb, 100, 300, 100000000, 3600, 5)""")) {
      ps.setLong(1, COMPETITION);
      ps.setString(2, BENCHMARKS);
      ps.executeUpdate();
    }
  }
}
