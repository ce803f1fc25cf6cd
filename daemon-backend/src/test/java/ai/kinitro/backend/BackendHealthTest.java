package ai.kinitro.backend;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

class BackendHealthTest extends BackendIntegrationTest {
  @LocalServerPort int port;

  @Test
  void answersHealthOverRealHttp() {
    String body = RestClient.create().get().uri("http://127.0.0.1:" + port + "/actuator/health").retrieve().body(String.class);
    assertThat(body).contains("\"status\":\"UP\"");
  }
}
