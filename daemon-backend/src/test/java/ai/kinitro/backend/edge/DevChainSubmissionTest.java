package ai.kinitro.backend.edge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.chain.ChainClientSubnetChain;
import ai.kinitro.backend.chain.ChainMonitor;
import ai.kinitro.backend.chain.SubnetChain;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.chain.client.TxOptions;
import ai.kinitro.common.chain.client.TxResult;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The miner's path against the real dev chain, with no fake in between: Dave (a genesis miner of
 * netuid 1) asks for an upload with a signed request, PUTs the archive to S3, writes the
 * commitment text the backend gave him with {@code set_commitment} on the dev chain, and one
 * {@link ChainMonitor#pollOnce()} over {@link ChainClientSubnetChain} (what
 * {@code kinitro.chain.endpoint} selects) turns it into a submission with its seeded jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevChainSubmissionTest {
  private static final int NETUID = 1;
  private static final Duration WAIT = Duration.ofSeconds(30);

  static final TestDatabase DATABASE = TestPostgres.shared().createDatabase("backend_devchain");
  static final S3ProxyServer S3 = S3ProxyServer.start();
  static final DevChain CHAIN = DevChain.start(DevChainConfig.forTests().withBlockTime(Duration.ofMillis(250)));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdGenerator ids;
  @Autowired ChainMonitor monitor;
  @Autowired SubnetChain subnetChain;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
    registry.add("kinitro.vault.endpoint", () -> S3.endpoint().toString());
    registry.add("kinitro.vault.region", S3::region);
    registry.add("kinitro.vault.bucket", () -> "kinitro-devchain");
    registry.add("kinitro.vault.access-key", S3::accessKey);
    registry.add("kinitro.vault.secret-key", S3::secretKey);
    registry.add("kinitro.vault.create-bucket", () -> "true");
    registry.add("kinitro.chain.endpoint", () -> CHAIN.url().toString());
    registry.add("kinitro.chain.netuid", () -> Integer.toString(NETUID));
    registry.add("kinitro.chain.poll-interval", () -> "0s");
    registry.add("kinitro.chain.metagraph-ttl", () -> "0s");
    registry.add("kinitro.jobs.seed-secret", () -> "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    registry.add("kinitro.uploads.reap-interval", () -> "0s");
    registry.add("kinitro.validators.sweep-interval", () -> "0s");
  }

  @AfterAll
  static void stop() {
    CHAIN.close();
    S3.close();
  }

  @Test
  void aCommitmentDaveWritesOnTheDevChainBecomesASubmissionWithSeededJobs() throws Exception {
    assertThat(subnetChain).as("kinitro.chain.endpoint selects the chain client").isInstanceOf(ChainClientSubnetChain.class);
    long competition = Fixtures.competition(jdbc, ids, null, null, null);
    Miner dave = new Miner("//Dave", port, Clock.systemUTC());
    byte[] archive = ("dev chain archive " + competition).getBytes(UTF_8);

    Miner.Response granted = dave.request(Miner.body(competition, "devchain-1", archive));
    assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
    assertThat(Miner.put(granted.body(), archive, Map.of()).statusCode()).isEqualTo(200);
    long submissionId = Long.parseLong(granted.body().path("submission_id").asString());
    String commitment = granted.body().path("commitment").asString();

    try (SubstrateChainClient client = SubstrateChainClient.connect(CHAIN.url())) {
      TxResult written = client.setCommitment(dave.key, NETUID, commitment.getBytes(UTF_8), TxOptions.DEFAULT);
      assertThat(written.succeeded()).as(written.toString()).isTrue();
    }

    List<Long> created = pollUntilASubmissionArrives();

    assertThat(created).containsExactly(submissionId);
    assertThat(jdbc.queryForObject("SELECT miner_hotkey FROM submissions WHERE id = ?", String.class, submissionId))
        .isEqualTo(dave.hotkey());
    assertThat(jdbc.queryForObject("SELECT commitment_block FROM submissions WHERE id = ?", Long.class, submissionId))
        .isPositive();
    List<Map<String, Object>> jobs = jdbc.queryForList(
        "SELECT benchmark_name, provider, tasks::text AS tasks FROM jobs WHERE submission_id = ?", submissionId);
    assertThat(jobs).hasSize(1);
    assertThat(jobs.getFirst()).containsEntry("benchmark_name", "cartpole").containsEntry("provider", "classic");
    JsonNode tasks = Miner.JSON.readTree((String) jobs.getFirst().get("tasks"));
    assertThat(tasks.valueStream().map(t -> t.path("task_id").asString()))
        .containsExactly("classic/CartPole-v1:0", "classic/CartPole-v1:1");
    assertThat(monitor.pollOnce().submissionIds()).as("a standing commitment is ingested once").isEmpty();
  }

  /** The commitment is read at the finalized block; blocks come every 250 ms. */
  private List<Long> pollUntilASubmissionArrives() throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      List<Long> created = monitor.pollOnce().submissionIds();
      if (!created.isEmpty()) {
        return created;
      }
      Thread.sleep(250);
    }
    return List.of();
  }
}
