package ai.kinitro.backend.info;

import ai.kinitro.backend.chain.ChainConfig;
import ai.kinitro.backend.chain.SubnetSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the service, its version and the subnet it serves, so a client that only knows
 * the URL can find the rest (API docs, health, the realtime and validator channels). The chain
 * endpoint is never shown (its URL may carry a key); only whether one is read.
 */
@RestController
@Tag(name = "service")
class ServiceInfoController {
  static final String SERVICE = "kinitro-backend";

  /**
   * The answer.
   *
   * @param chain {@code "live"} when commitments are read from a chain, {@code "static"} when no
   *     endpoint is configured (development)
   */
  record ServiceInfo(String service, String version, int netuid, String chain, String apiDocs, String openapi,
      String health, String realtime, String validators) {}

  private final SubnetSettings subnet;
  private final ChainConfig chain;

  ServiceInfoController(SubnetSettings subnet, ChainConfig chain) {
    this.subnet = Objects.requireNonNull(subnet, "subnet");
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  @GetMapping("/")
  @Operation(summary = "What this backend is: version, subnet, and where its API docs, health and channels are")
  ServiceInfo info() {
    String version = Objects.requireNonNullElse(ServiceInfoController.class.getPackage().getImplementationVersion(),
        "development");
    return new ServiceInfo(SERVICE, version, subnet.netuid(), chain.endpoint() == null ? "static" : "live",
        "/swagger-ui.html", "/v3/api-docs", "/actuator/health", "/ws/client", "/ws/validator");
  }
}
