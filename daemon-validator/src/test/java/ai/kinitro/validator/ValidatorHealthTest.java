package ai.kinitro.validator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * The daemon with its defaults — embedded PostgreSQL under the state directory, a backend that is
 * not there — starts, reports health over real HTTP (the link reconnecting within its grace
 * period) and exposes its metrics to Prometheus.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "kinitro.state-dir=target/health-test-state",
    "kinitro.validator.database.embedded-port=0",
    "kinitro.validator.hotkey.secret-uri=//Alice",
    "kinitro.validator.backend.api-key=kin_test_key",
    "kinitro.validator.backend.url=ws://127.0.0.1:9/ws/validator",
    "kinitro.validator.weights.enabled=false"})
class ValidatorHealthTest {
  @LocalServerPort int port;

  @Test
  void answersHealthOverRealHttp() {
    String body = RestClient.create().get().uri("http://127.0.0.1:" + port + "/actuator/health").retrieve().body(String.class);
    assertThat(body).contains("\"status\":\"UP\"").contains("backendLink").contains("queueDatabase");
  }

  @Test
  void exposesQueueRelayAndLinkMetricsToPrometheus() {
    String body = RestClient.create().get().uri("http://127.0.0.1:" + port + "/actuator/prometheus").retrieve().body(String.class);
    assertThat(body).contains("kinitro_queue_depth", "kinitro_queue_oldest_age_seconds", "kinitro_relay_backlog",
        "kinitro_relay_oldest_age_seconds", "kinitro_link_reconnects_total", "kinitro_link_connected");
  }
}
