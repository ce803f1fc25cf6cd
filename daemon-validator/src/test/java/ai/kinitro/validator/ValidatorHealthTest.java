package ai.kinitro.validator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ValidatorHealthTest {
  @LocalServerPort int port;

  @Test
  void answersHealthOverRealHttp() {
    String body = RestClient.create().get().uri("http://127.0.0.1:" + port + "/actuator/health").retrieve().body(String.class);
    assertThat(body).contains("\"status\":\"UP\"");
  }
}
