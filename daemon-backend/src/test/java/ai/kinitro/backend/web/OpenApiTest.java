package ai.kinitro.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;

class OpenApiTest extends BackendIntegrationTest {
  @Test
  void theOpenApiDocumentListsTheRestApi() {
    var doc = api().get("/v3/api-docs");
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.json().get("paths").propertyNames()).contains("/competitions", "/weights", "/admin/leader-candidates/{id}/approve");
  }

  @Test
  void swaggerUiIsServed() {
    assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
  }
}
