package ai.kinitro.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server standing in for the backend's admin routes. */
class BackendAdminClientTest {
  private static final String KEY = "kin_test-admin-key";

  private HttpServer server;
  private final Map<String, int[]> statuses = new HashMap<>();
  private final Map<String, String> bodies = new HashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> requestBodies = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    requests.add(call + " key=" + exchange.getRequestHeaders().getFirst("X-API-Key"));
    requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    int status = statuses.getOrDefault(call, new int[] {404})[0];
    byte[] body = bodies.getOrDefault(call, "").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  private void answer(String call, int status, String body) {
    statuses.put(call, new int[] {status});
    bodies.put(call, body);
  }

  private BackendAdminClient client() {
    return new BackendAdminClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), KEY);
  }

  @Test
  void createsTheDemoCompetitionWhenNoneHasItsName() {
    answer("GET /competitions", 200, "[{\"id\":\"7\",\"name\":\"Other\"}]");
    answer("POST /competitions", 201, "{\"id\":\"8\",\"name\":\"Demo: CartPole balance\"}");

    AdminOutcome outcome = client().ensureCompetition(BackendAdminClient.demoCompetition());

    assertThat(outcome).isEqualTo(new AdminOutcome.Created("8"));
    assertThat(requests).containsExactly("GET /competitions key=" + KEY, "POST /competitions key=" + KEY);
    assertThat(requestBodies.get(1)).contains("\"name\":\"Demo: CartPole balance\"", "\"tasks\":[\"classic/CartPole-v1\"]");
  }

  @Test
  void leavesAnExistingDemoCompetitionAlone() {
    answer("GET /competitions", 200, "{\"items\":[{\"id\":\"5\",\"name\":\"Demo: CartPole balance\"}]}");

    assertThat(client().ensureCompetition(BackendAdminClient.demoCompetition())).isEqualTo(new AdminOutcome.Existing("5"));
    assertThat(requests).containsExactly("GET /competitions key=" + KEY);
  }

  @Test
  void aBackendWithoutTheRouteYieldsNotAvailable() {
    assertThat(client().ensureCompetition(BackendAdminClient.demoCompetition()))
        .isEqualTo(new AdminOutcome.NotAvailable("the backend answers GET /competitions with 404 (its admin API has not landed yet)"));
  }

  @Test
  void aRefusedKeyIsAnAdminApiFailureThatDoesNotShowTheKey() {
    answer("GET /competitions", 200, "[]");
    answer("POST /competitions", 401, "{\"detail\":\"Authentication required\"}");

    assertThatThrownBy(() -> client().ensureCompetition(BackendAdminClient.demoCompetition()))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ADMIN_API_FAILED);
          assertThat(e.getMessage()).startsWith("POST /competitions answered 401").doesNotContain(KEY);
        });
  }

  @Test
  void issuesAValidatorKeyBoundToItsHotkey() {
    answer("POST /admin/api-keys", 201, "{\"id\":\"3\",\"role\":\"validator\",\"api_key\":\"plain-validator-key\"}");

    AdminOutcome outcome = client().createApiKey("local validator", "validator", "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");

    assertThat(outcome).isEqualTo(new AdminOutcome.Created("plain-validator-key"));
    assertThat(requestBodies.getFirst()).isEqualTo(
        "{\"name\":\"local validator\",\"role\":\"validator\",\"associated_hotkey\":\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\"}");
  }

  @Test
  void aBackendThatDoesNotAnswerIsAnAdminApiFailure() {
    server.stop(0);

    assertThatThrownBy(() -> client().createApiKey("k", "validator", null))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ADMIN_API_FAILED));
  }
}
