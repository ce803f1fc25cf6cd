package ai.kinitro.backend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.BackendApplication;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.job.JobService;
import ai.kinitro.backend.persistence.NotificationListener;
import ai.kinitro.backend.submission.SubmissionRepository;
import ai.kinitro.backend.ws.validator.ValidatorChannelConfig;
import ai.kinitro.backend.ws.validator.ValidatorConnections;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two backend instances on one database: a job created on instance A reaches a validator
 * connected to instance B through the assignment NOTIFY, not through B's sweep (configured at 10
 * minutes, so it never runs during the test).
 */
class MultiInstanceDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration SWEEP = Duration.ofMinutes(10);
  private static final TestDatabase DATABASE = TestPostgres.shared().createDatabase("backend_multi");
  /** The validator; with the static (chain-less) metagraph it needs no permit because it is an allowed hotkey. */
  private static final Sr25519KeyPair KEY = SecretUri.parse("//Multi//" + UUID.randomUUID());
  private static final String HOTKEY = Ss58.encode(KEY.publicKey());

  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    a = start(1);
    b = start(2);
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  private static ConfigurableApplicationContext start(int instance) throws Exception {
    Path stateDir = Files.createTempDirectory("kinitro-backend-" + instance + "-");
    Map<String, Object> properties = Map.ofEntries(
        Map.entry("server.port", "0"),
        Map.entry("spring.datasource.url", DATABASE.jdbcUrl()),
        Map.entry("spring.datasource.username", DATABASE.user()),
        Map.entry("spring.datasource.password", DATABASE.password()),
        Map.entry("kinitro.state-dir", stateDir.toString()),
        Map.entry("kinitro.ids.instance-id", Integer.toString(instance)),
        Map.entry("kinitro.jobs.seed-secret", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
        Map.entry("kinitro.scoring.enabled", "false"),
        Map.entry("kinitro.chain.poll-interval", "0s"),
        Map.entry("kinitro.uploads.reap-interval", "0s"),
        Map.entry("kinitro.validators.sweep-interval", SWEEP.toString()),
        Map.entry("kinitro.validators.allowed-hotkeys", HOTKEY),
        Map.entry("kinitro.vault.endpoint", EdgeIntegrationTest.S3.endpoint().toString()),
        Map.entry("kinitro.vault.region", EdgeIntegrationTest.S3.region()),
        Map.entry("kinitro.vault.bucket", "kinitro-multi"),
        Map.entry("kinitro.vault.access-key", EdgeIntegrationTest.S3.accessKey()),
        Map.entry("kinitro.vault.secret-key", EdgeIntegrationTest.S3.secretKey()),
        Map.entry("kinitro.vault.create-bucket", "true"));
    // command-line arguments: they override application.properties (default properties would not)
    return new SpringApplicationBuilder(BackendApplication.class)
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
  }

  @Test
  void aJobCreatedOnOneInstanceReachesAValidatorConnectedToTheOtherWithoutWaitingForTheSweep() throws Exception {
    assertThat(b.getBean(ValidatorChannelConfig.class).sweepInterval()).isEqualTo(SWEEP);
    JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
    IdGenerator ids = a.getBean(IdGenerator.class);
    String hotkey = HOTKEY;
    String apiKey = "kin_multi_" + UUID.randomUUID();
    Fixtures.apiKey(jdbc, ids, apiKey, "validator", hotkey);
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    int portB = ((WebServerApplicationContext) b).getWebServer().getPort();

    // A NOTIFY sent before instance B listens is lost (the sweep would only find it in ten minutes).
    Awaitility.await().atMost(WAIT).until(() -> b.getBeansOfType(NotificationListener.class).values().stream()
        .allMatch(NotificationListener::listening));
    try (WsTestClient validator = Validators.registered(portB, KEY, apiKey)) {
      assertThat(b.getBean(ValidatorConnections.class).connected(hotkey)).isTrue();
      assertThat(a.getBean(ValidatorConnections.class).connected(hotkey)).isFalse();

      Job job = Validators.newJob(jdbc, ids, a.getBean(JobService.class), a.getBean(SubmissionRepository.class), competition,
          Ss58.encode(SecretUri.parse("//Multi//miner").publicKey()));

      JsonNode delivered = validator.next(f -> Validators.evalJobOf(f, job.id()), WAIT);
      assertThat(delivered.path("miner_hotkey").asString()).isEqualTo(job.minerHotkey());
      assertThat(jdbc.queryForObject("SELECT status FROM job_assignments WHERE job_id = ? AND validator_hotkey = ?", String.class,
          job.id(), hotkey)).isEqualTo("DELIVERED");
    }
    Awaitility.await().atMost(WAIT).until(() -> !b.getBean(ValidatorConnections.class).connected(hotkey));
  }
}
