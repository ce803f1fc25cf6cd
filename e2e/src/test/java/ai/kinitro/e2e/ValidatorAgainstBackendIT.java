package ai.kinitro.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.Metrics;
import ai.kinitro.common.protocol.validator.EvalResult;
import ai.kinitro.common.protocol.validator.TaskResult;
import ai.kinitro.common.protocol.validator.Timings;
import ai.kinitro.common.protocol.validator.ValidatorProtocol;
import ai.kinitro.queue.RetryPolicy;
import ai.kinitro.queue.outbox.Outbox;
import ai.kinitro.queue.outbox.OutboxEntry;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import ai.kinitro.testsupport.process.DaemonProcess;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The validator daemon against the real backend, both started from their executable jars: Bob (a
 * genesis validator, allowed by {@code kinitro.validators.allowed-hotkeys}) registers with a
 * validator API key bound to his hotkey, gets the job of a submission in his local queue
 * ({@code kq_job}), and a result written to his outbox (as the evaluator does) reaches the
 * backend's {@code results} exactly once.
 */
class ValidatorAgainstBackendIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String API_KEY = "kin_e2e_" + UUID.randomUUID().toString().replace("-", "");
  private static final String BOB = Ss58.encode(SecretUri.parse("//Bob").publicKey());
  private static final String DAVE = Ss58.encode(SecretUri.parse("//Dave").publicKey());
  private static final String BENCHMARK = """
      {"name":"cartpole","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":2,
       "episodes_per_task":1,"max_episode_steps":100,"cameras":["default"],"image_size":84}""";

  @Test
  void aJobReachesTheValidatorsQueueAndItsResultReachesTheBackendOnce() throws Exception {
    TestDatabase backendDb = TestPostgres.shared().createDatabase("e2e_backend");
    TestDatabase validatorDb = TestPostgres.shared().createDatabase("e2e_validator");
    Path logs = Path.of("target", "e2e-logs").toAbsolutePath();
    try (S3ProxyServer s3 = S3ProxyServer.start();
        DaemonProcess backend = DaemonProcess.start(jar("kinitro.backend.jar"), "server.port", List.of(
            "--kinitro.state-dir=" + Path.of("target", "e2e-backend-state").toAbsolutePath(),
            "--kinitro.database.url=" + backendDb.jdbcUrl(),
            "--kinitro.database.user=" + backendDb.user(),
            "--kinitro.database.password=" + backendDb.password(),
            "--kinitro.vault.endpoint=" + s3.endpoint(),
            "--kinitro.vault.region=" + s3.region(),
            "--kinitro.vault.bucket=kinitro-e2e",
            "--kinitro.vault.access-key=" + s3.accessKey(),
            "--kinitro.vault.secret-key=" + s3.secretKey(),
            "--kinitro.vault.create-bucket=true",
            "--kinitro.jobs.seed-secret=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
            "--kinitro.validators.allowed-hotkeys=" + BOB),
            Map.of(), logs)) {
      backend.awaitHttpOk("/actuator/health", WAIT);
      DataSource backendData = backendDb.dataSource();
      long jobId = seedBackend(backendData);

      try (DaemonProcess validator = DaemonProcess.start(jar("kinitro.validator.jar"), "server.port", List.of(
          "--kinitro.state-dir=" + Path.of("target", "e2e-validator-state").toAbsolutePath(),
          "--kinitro.validator.database.url=" + validatorDb.jdbcUrl(),
          "--kinitro.validator.database.username=" + validatorDb.user(),
          "--kinitro.validator.database.password=" + validatorDb.password(),
          "--kinitro.validator.hotkey.secret-uri=//Bob",
          "--kinitro.validator.backend.url=ws://127.0.0.1:" + backend.port() + ValidatorProtocol.PATH,
          "--kinitro.validator.backend.api-key=" + API_KEY,
          "--kinitro.validator.backend.relay-poll-interval=200ms",
          "--kinitro.validator.weights.enabled=false"),
          Map.of(), logs)) {
        validator.awaitHttpOk("/actuator/health", WAIT);
        DataSource validatorData = validatorDb.dataSource();

        await(() -> count(validatorData, "SELECT count(*) FROM kq_job WHERE payload LIKE ?", "%\"job_id\":\"" + jobId + "\"%") == 1,
            "the eval_job in the validator's kq_job\n" + validator.tail() + "\n" + backend.tail());

        EvalResult result = new EvalResult(UUID.randomUUID(), jobId, EvaluationStatus.COMPLETED,
            Optional.of(new Metrics(90.0, 0.5, 90.0, 2)),
            List.of(new TaskResult("classic/CartPole-v1:0", 1, 1, 0, 120.0, 120.0),
                new TaskResult("classic/CartPole-v1:1", 1, 0, 0, 60.0, 60.0)),
            Optional.empty(), new Timings(Instant.now().minusSeconds(30), Optional.of(Instant.now().minusSeconds(20)), Instant.now()));
        new Outbox(validatorData, Clock.systemUTC(), RetryPolicy.DEFAULT).append(new OutboxEntry(result.messageId(), "backend",
            "eval_result", ValidatorProtocol.validatorCodec().encode(result)));

        await(() -> count(backendData, "SELECT count(*) FROM results WHERE job_id = ?", jobId) >= 1,
            "the result in the backend\n" + validator.tail() + "\n" + backend.tail());
        await(() -> count(validatorData, "SELECT count(*) FROM kq_outbox WHERE message_id = ?", result.messageId()) == 0,
            "the backend's ack (an acked outbox entry is deleted)\n" + validator.tail());
        Thread.sleep(1_000); // a resend would land within the relay's poll interval
        assertThat(rows(backendData, "SELECT validator_hotkey, miner_hotkey, status FROM results WHERE job_id = ?", jobId))
            .containsExactly(List.of(BOB, DAVE, "COMPLETED"));
      }
    }
  }

  /** What the backend's services would have written: a validator key for Bob, a competition, Dave's submission and its job. */
  private static long seedBackend(DataSource data) throws SQLException {
    long base = System.nanoTime() & 0xFFFF_FFFFL;
    long keyId = base + 1;
    long competition = base + 2;
    long submission = base + 3;
    long job = base + 4;
    try (Connection c = data.getConnection()) {
      update(c, "INSERT INTO api_keys (id, name, key_hash, key_prefix, role, associated_hotkey) VALUES (?, ?, ?, ?, 'validator', ?)",
          keyId, "e2e-bob", HexFormat.of().formatHex(Hashing.sha256(API_KEY.getBytes(StandardCharsets.UTF_8))),
          API_KEY.substring(0, 6), BOB);
      update(c, "INSERT INTO competitions (id, name, benchmarks, points, submission_holdout_seconds) VALUES (?, ?, ?::jsonb, 100, 300)",
          competition, "e2e-" + competition, "[" + BENCHMARK + "]");
      update(c, """
          INSERT INTO submission_uploads (id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256,
                                          artifact_size_bytes, status, expires_at, holdout_seconds)
          VALUES (?, ?, ?, 'e2e', 'submissions/e2e.tar.gz', ?, 1, 'PROCESSED', now() + interval '1 day', 3600)""",
          submission, DAVE, competition, "00".repeat(32));
      update(c, """
          INSERT INTO submissions (id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256, artifact_size_bytes,
                                   holdout_release_at) VALUES (?, ?, ?, 'e2e', 'submissions/e2e.tar.gz', ?, 1, now() + interval '1 hour')""",
          submission, DAVE, competition, "00".repeat(32));
      update(c, """
          INSERT INTO jobs (id, submission_id, competition_id, miner_hotkey, provider, benchmark_name, spec, tasks)
          VALUES (?, ?, ?, ?, 'classic', 'cartpole', ?::jsonb, ?::jsonb)""",
          job, submission, competition, DAVE, BENCHMARK,
          "[{\"task_id\":\"classic/CartPole-v1:0\",\"env_name\":\"classic/CartPole-v1\",\"seed\":\"11\"},"
              + "{\"task_id\":\"classic/CartPole-v1:1\",\"env_name\":\"classic/CartPole-v1\",\"seed\":\"12\"}]");
    }
    return job;
  }

  private static Path jar(String property) {
    String path = System.getProperty(property);
    assertThat(path).as("system property " + property + " (set by the failsafe configuration)").isNotNull();
    return Path.of(path);
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  private static long count(DataSource data, String sql, Object... args) {
    List<List<Object>> rows = rows(data, sql, args);
    return ((Number) rows.getFirst().getFirst()).longValue();
  }

  private static List<List<Object>> rows(DataSource data, String sql, Object... args) {
    try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<List<Object>> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getObject(i));
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
