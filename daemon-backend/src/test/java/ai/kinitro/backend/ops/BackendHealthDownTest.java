package ai.kinitro.backend.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backend whose chain node and vault are both unreachable (ports nobody listens on): the chain
 * monitor loop fails every cycle, and {@code /actuator/health} turns DOWN (HTTP 503) with the
 * {@code chain} and {@code vault} components DOWN and saying why; {@code /actuator/prometheus}
 * answers with the backend's meters. A context of its own (its chain and vault settings differ
 * from every other test's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "kinitro.scoring.enabled=false",
    "kinitro.jobs.seed-secret=test-seed-secret-0123456789",
    "kinitro.chain.poll-interval=200ms",
    "kinitro.vault.access-key=ops-test-key",
    "kinitro.vault.secret-key=ops-test-secret",
    "kinitro.uploads.reap-interval=0s",
    "management.endpoint.health.show-details=always"})
class BackendHealthDownTest {
  private static final TestDatabase DATABASE = TestPostgres.shared().createDatabase("backend_ops");
  private static final int CLOSED_CHAIN_PORT = closedPort();
  private static final int CLOSED_VAULT_PORT = closedPort();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
    registry.add("kinitro.chain.endpoint", () -> "http://127.0.0.1:" + CLOSED_CHAIN_PORT);
    registry.add("kinitro.vault.endpoint", () -> "http://127.0.0.1:" + CLOSED_VAULT_PORT);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsDownWithTheChainAndVaultComponentsSayingWhy() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    HttpResponse<String> response = get("/actuator/health");
    JsonNode chain = JSON.readTree(response.body()).path("components").path("chain");
    while (chain.path("details").path("consecutiveFailures").asLong() < HealthProperties.DEFAULT_CHAIN_FAILURES
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      response = get("/actuator/health");
      chain = JSON.readTree(response.body()).path("components").path("chain");
    }
    JsonNode body = JSON.readTree(response.body());
    JsonNode vault = body.path("components").path("vault");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(body.path("status").asString()).isEqualTo("DOWN");
    assertThat(chain.path("status").asString()).isEqualTo("DOWN");
    assertThat(chain.path("details").path("endpoint").asString()).isEqualTo("http://127.0.0.1:" + CLOSED_CHAIN_PORT);
    assertThat(chain.path("details").path("reason").asString()).endsWith("consecutive chain scans failed");
    assertThat(chain.path("details").path("lastError").asString()).isNotEmpty();
    assertThat(chain.path("details").has("lastScan")).isFalse();
    assertThat(vault.path("status").asString()).isEqualTo("DOWN");
    assertThat(vault.path("details").path("error").asString()).startsWith("the vault could not reach bucket kinitro-vault");
  }

  @Test
  void prometheusAnswersWithTheBackendMeters() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("kinitro_ingest_steps_total ", "kinitro_ingest_messages_total ",
        "kinitro_realtime_clients ", "kinitro_validators_connected ", "kinitro_assignments_open{status=\"QUEUED\"} 0.0",
        "kinitro_score_cycle_seconds_count ", "kinitro_chain_consecutive_failures ",
        "kinitro_loop_failures_total{loop=\"chain-monitor\"}");
  }
}
