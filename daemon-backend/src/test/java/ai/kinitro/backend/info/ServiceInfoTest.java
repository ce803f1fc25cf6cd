package ai.kinitro.backend.info;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.chain.SubnetSettings;
import ai.kinitro.backend.support.Api.Response;
import ai.kinitro.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ServiceInfoTest extends BackendIntegrationTest {
  @Autowired SubnetSettings subnet;

  @Test
  void theRootSaysWhatTheServiceIsAndWhereItsApiAndChannelsAre() {
    Response root = api().get("/");

    assertThat(root.status()).as(root.raw()).isEqualTo(200);
    assertThat(root.json().get("service").asString()).isEqualTo("kinitro-backend");
    assertThat(root.json().get("netuid").asInt()).isEqualTo(subnet.netuid());
    assertThat(root.json().get("chain").asString()).as("the test backend reads no chain").isEqualTo("static");
    assertThat(root.json().get("api_docs").asString()).isEqualTo("/swagger-ui.html");
    assertThat(root.json().get("realtime").asString()).isEqualTo("/ws/client");
    assertThat(root.json().get("version").asString()).isNotBlank();
  }
}
