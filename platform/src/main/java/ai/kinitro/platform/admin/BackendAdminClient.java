package ai.kinitro.platform.admin;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the backend's admin API with the {@code X-API-Key} header. Paths follow the reference API
 * ({@code GET/POST /competitions}, {@code POST /admin/api-keys}). A 404 or 405 means the backend
 * does not offer the route yet and yields {@link AdminOutcome.NotAvailable}; other failures raise
 * {@code ADMIN_API_FAILED}. The key is never put into messages.
 */
public final class BackendAdminClient {
  public static final String COMPETITIONS = "/competitions";
  public static final String API_KEYS = "/admin/api-keys";
  public static final String LEADER_CANDIDATES = "/admin/leader-candidates";
  public static final String WEIGHTS = "/weights";
  public static final String DEMO_COMPETITION_RESOURCE = "/ai/kinitro/platform/demo-competition.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final URI base;
  private final String apiKey;
  private final HttpClient http;

  public BackendAdminClient(URI base, String apiKey) {
    this.base = Objects.requireNonNull(base, "base");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The demo competition shipped with the platform ({@value #DEMO_COMPETITION_RESOURCE}). */
  public static ObjectNode demoCompetition() {
    try (InputStream in = BackendAdminClient.class.getResourceAsStream(DEMO_COMPETITION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + DEMO_COMPETITION_RESOURCE);
      }
      return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Unreadable resource " + DEMO_COMPETITION_RESOURCE, e);
    }
  }

  /** Creates {@code competition} unless one with its name exists. */
  public AdminOutcome ensureCompetition(ObjectNode competition) {
    String name = competition.path("name").asString();
    HttpResponse<String> list = send(HttpRequest.newBuilder(base.resolve(COMPETITIONS)).GET());
    if (missingRoute(list)) {
      return notAvailable("GET " + COMPETITIONS, list);
    }
    requireSuccess("GET " + COMPETITIONS, list);
    Optional<String> existing = findByName(JSON.readTree(list.body()), name);
    if (existing.isPresent()) {
      return new AdminOutcome.Existing(existing.get());
    }
    HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve(COMPETITIONS))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(competition))));
    if (missingRoute(created)) {
      return notAvailable("POST " + COMPETITIONS, created);
    }
    requireSuccess("POST " + COMPETITIONS, created);
    return new AdminOutcome.Created(JSON.readTree(created.body()).path("id").asString());
  }

  /**
   * Issues an API key; on success the outcome's id is the plaintext key (shown once by the backend).
   */
  public AdminOutcome createApiKey(String name, String role, String hotkey) {
    ObjectNode body = JSON.createObjectNode().put("name", name).put("role", role);
    if (hotkey != null) {
      body.put("associated_hotkey", hotkey);
    }
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(API_KEYS))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    if (missingRoute(response)) {
      return notAvailable("POST " + API_KEYS, response);
    }
    requireSuccess("POST " + API_KEYS, response);
    JsonNode answer = JSON.readTree(response.body());
    String key = answer.path("api_key").asString(answer.path("apiKey").asString(""));
    if (key.isEmpty()) {
      throw new KinitroException(ErrorCode.ADMIN_API_FAILED, "POST " + API_KEYS + " answered without an api_key field");
    }
    return new AdminOutcome.Created(key);
  }

  /** The id of the competition called {@code name}, if the backend has one. */
  public Optional<String> competitionId(String name) {
    HttpResponse<String> list = send(HttpRequest.newBuilder(base.resolve(COMPETITIONS + "?limit=1000")).GET());
    requireSuccess("GET " + COMPETITIONS, list);
    return findByName(JSON.readTree(list.body()), name);
  }

  /** The leader candidates of a competition, newest first (first page of up to 100). */
  public List<JsonNode> leaderCandidates(String competitionId) {
    String path = LEADER_CANDIDATES + "?competition_id=" + competitionId + "&limit=100";
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
    requireSuccess("GET " + LEADER_CANDIDATES, response);
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(response.body()).path("items").forEach(items::add);
    return items;
  }

  /** Approves, rejects or unapproves a leader candidate with a reason for the audit trail; returns it. */
  public JsonNode reviewCandidate(String candidateId, Review review, String reason) {
    String path = LEADER_CANDIDATES + "/" + candidateId + "/" + review.path;
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode().put("reason", reason)))));
    requireSuccess("POST " + path, response);
    return JSON.readTree(response.body());
  }

  /** The backend's newest weights snapshot ({@code GET /weights}); empty before the first one. */
  public Optional<JsonNode> weights() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(WEIGHTS)).GET());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    requireSuccess("GET " + WEIGHTS, response);
    return Optional.of(JSON.readTree(response.body()));
  }

  /** A review of a leader candidate. */
  public enum Review {
    APPROVE("approve"),
    REJECT("reject"),
    UNAPPROVE("unapprove");

    private final String path;

    Review(String path) {
      this.path = path;
    }
  }

  static Optional<String> findByName(JsonNode list, String name) {
    JsonNode items = list.isArray() ? list : list.path("items");
    for (JsonNode item : items) {
      if (name.equals(item.path("name").asString())) {
        return Optional.of(item.path("id").asString());
      }
    }
    return Optional.empty();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.header("X-API-Key", apiKey).header("Accept", "application/json").timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.ADMIN_API_FAILED, "The backend at " + base + " did not answer ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.ADMIN_API_FAILED, "Interrupted while calling the backend at " + base, e);
    }
  }

  private static boolean missingRoute(HttpResponse<String> response) {
    return response.statusCode() == 404 || response.statusCode() == 405;
  }

  private static AdminOutcome notAvailable(String call, HttpResponse<String> response) {
    return new AdminOutcome.NotAvailable("the backend answers " + call + " with " + response.statusCode()
        + " (its admin API has not landed yet)");
  }

  private static void requireSuccess(String call, HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      String body = response.body() == null ? "" : response.body();
      throw new KinitroException(ErrorCode.ADMIN_API_FAILED, call + " answered " + response.statusCode() + ": "
          + (body.length() > 300 ? body.substring(0, 300) + "..." : body)
          + (response.statusCode() == 401 || response.statusCode() == 403
              ? " (the backend does not know the stored admin key: if its database was deleted, remove admin.api-key from"
              + " secrets.properties in the state directory and run ./kinitro up again)" : ""));
    }
  }
}
