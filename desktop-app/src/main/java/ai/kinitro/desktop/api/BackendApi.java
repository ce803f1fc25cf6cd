package ai.kinitro.desktop.api;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backend's REST API over {@code java.net.http}: JSON with snake_case fields, the profile's API
 * key in {@code X-API-Key} (admin routes only; public reads never send it, so a stale key cannot
 * break them), a timeout on every call, and every refusal turned into a {@link KinitroException}
 * carrying the backend's own error code ({@link ApiProblem}). Blocking: call it off the FX thread.
 */
public final class BackendApi implements AdminApi {
  public static final String API_KEY_HEADER = "X-API-Key";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  /** The backend's largest page. */
  static final int PAGE = 1000;
  /** The most steps a replay reads: far beyond any environment's step limit. */
  static final int MAX_STEPS = 50_000;

  static final JsonMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private final URI base;
  private final Optional<String> apiKey;
  private final HttpClient http;
  private final Duration timeout;

  public BackendApi(URI base, Optional<String> apiKey, HttpClient http, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The HTTP client the app uses: HTTP/1.1 (the backend and S3 both speak it), 10 s to connect. */
  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public URI base() {
    return base;
  }

  public boolean hasApiKey() {
    return apiKey.isPresent();
  }

  // --- public reads ------------------------------------------------------------------------

  @Override
  public List<CompetitionInfo> competitions(boolean activeOnly) {
    return page("/competitions", query("active_only", activeOnly ? "true" : null), CompetitionInfo.class);
  }

  @Override
  public CompetitionInfo competition(String id) {
    return get("/competitions/" + segment(id), Map.of(), CompetitionInfo.class);
  }

  @Override
  public Leaderboard leaderboard() {
    return get("/competitions/leaderboard", Map.of(), Leaderboard.class);
  }

  @Override
  public List<SubmissionRank> submissionLeaderboard(Optional<String> competitionId) {
    return page("/leaderboards/submissions", query("competition_id", competitionId.orElse(null)), SubmissionRank.class);
  }

  @Override
  public Optional<WeightsInfo> weights() {
    try {
      return Optional.of(get("/weights", Map.of(), WeightsInfo.class));
    } catch (KinitroException e) {
      if (e.code() == ErrorCode.NO_WEIGHTS_YET) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<JobInfo> jobs(Optional<String> competitionId, Optional<String> submissionId) {
    Map<String, String> q = query("competition_id", competitionId.orElse(null));
    submissionId.ifPresent(s -> q.put("submission_id", s));
    return page("/jobs", q, JobInfo.class);
  }

  @Override
  public List<ResultInfo> results(String submissionId) {
    return page("/results", query("submission_id", submissionId), ResultInfo.class);
  }

  @Override
  public List<EpisodeInfo> episodes(Optional<String> submissionId, Optional<String> jobId) {
    Map<String, String> q = query("submission_id", submissionId.orElse(null));
    jobId.ifPresent(j -> q.put("job_id", j));
    return page("/episodes", q, EpisodeInfo.class);
  }

  @Override
  public List<StepInfo> steps(String episodeId) {
    return allPages("/episodes/" + segment(episodeId) + "/steps", StepInfo.class, MAX_STEPS);
  }

  @Override
  public List<ValidatorInfo> validators() {
    return page("/validators", new LinkedHashMap<>(), ValidatorInfo.class);
  }

  // --- admin ---------------------------------------------------------------------------------

  @Override
  public List<LeaderCandidate> leaderCandidates(Optional<CandidateStatus> status) {
    return adminPage("/admin/leader-candidates", query("status", status.map(s -> s.name().toLowerCase()).orElse(null)),
        LeaderCandidate.class);
  }

  @Override
  public LeaderCandidate leaderCandidate(String id) {
    return admin("GET", "/admin/leader-candidates/" + segment(id), null, LeaderCandidate.class);
  }

  @Override
  public LeaderCandidate approve(String candidateId, String note) {
    return review(candidateId, "approve", note);
  }

  @Override
  public LeaderCandidate reject(String candidateId, String note) {
    return review(candidateId, "reject", note);
  }

  @Override
  public LeaderCandidate unapprove(String candidateId, String note) {
    return review(candidateId, "unapprove", note);
  }

  private LeaderCandidate review(String candidateId, String action, String note) {
    ObjectNode body = JSON.createObjectNode();
    if (note != null && !note.isBlank()) {
      body.put("reason", note.strip());
    }
    return admin("POST", "/admin/leader-candidates/" + segment(candidateId) + "/" + action, body, LeaderCandidate.class);
  }

  @Override
  public CompetitionInfo createCompetition(CompetitionDraft draft) {
    return admin("POST", "/competitions", draftJson(draft), CompetitionInfo.class);
  }

  @Override
  public CompetitionInfo updateCompetition(String id, CompetitionDraft draft) {
    return admin("PUT", "/competitions/" + segment(id), draftJson(draft), CompetitionInfo.class);
  }

  @Override
  public CompetitionInfo setCompetitionActive(String id, boolean active) {
    return admin("PATCH", "/competitions/" + segment(id) + (active ? "/activate" : "/deactivate"), null, CompetitionInfo.class);
  }

  @Override
  public List<JobInfo> allJobs(int max) {
    return allPages("/jobs", JobInfo.class, max);
  }

  @Override
  public List<ApiKeyInfo> apiKeys() {
    return adminPage("/admin/api-keys", new LinkedHashMap<>(), ApiKeyInfo.class);
  }

  @Override
  public ApiKeyInfo createApiKey(String name, String role, String description, Optional<String> associatedHotkey,
      Optional<java.time.Instant> expiresAt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    body.put("role", role);
    if (description != null && !description.isBlank()) {
      body.put("description", description);
    }
    associatedHotkey.map(String::strip).filter(h -> !h.isEmpty()).ifPresent(h -> body.put("associated_hotkey", h));
    expiresAt.ifPresent(t -> body.put("expires_at", t.toString()));
    JsonNode answer = adminTree("POST", "/admin/api-keys", body);
    ApiKeyInfo key = convert(answer, ApiKeyInfo.class);
    // The secret arrives as "api_key"; keep it in the one field that holds it.
    String secret = answer.path("api_key").asString(null);
    return new ApiKeyInfo(key.id(), key.name(), key.description(), key.keyPrefix(), key.role(), key.associatedHotkey(),
        key.active(), key.expiresAt(), key.lastUsedAt(), key.createdAt(), Optional.ofNullable(secret));
  }

  @Override
  public ApiKeyInfo activateApiKey(String id) {
    return admin("PATCH", "/admin/api-keys/" + segment(id) + "/activate", null, ApiKeyInfo.class);
  }

  @Override
  public ApiKeyInfo deactivateApiKey(String id) {
    return admin("PATCH", "/admin/api-keys/" + segment(id) + "/deactivate", null, ApiKeyInfo.class);
  }

  static ObjectNode draftJson(CompetitionDraft d) {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", d.name());
    n.put("description", d.description());
    n.set("benchmarks", d.benchmarks());
    n.put("points", d.points());
    n.put("min_avg_reward", d.minAvgReward());
    n.put("win_margin_pct", d.winMarginPct());
    n.put("min_success_rate", d.minSuccessRate());
    n.put("submission_holdout_seconds", d.submissionHoldoutSeconds());
    d.submissionMaxSizeBytes().ifPresent(max -> n.put("submission_max_size_bytes", max));
    return n;
  }

  // --- transport -----------------------------------------------------------------------------

  private <T> T get(String path, Map<String, String> query, Class<T> type) {
    return convert(send("GET", path + encode(query), null, false), type);
  }

  private <T> List<T> page(String path, Map<String, String> query, Class<T> type) {
    query.put("limit", Integer.toString(PAGE));
    return items(send("GET", path + encode(query), null, false), type);
  }

  /** Reads page after page until the backend's total (or {@code max} items) is reached. */
  private <T> List<T> allPages(String path, Class<T> type, int max) {
    List<T> out = new ArrayList<>();
    while (out.size() < max) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("limit", Integer.toString(Math.min(PAGE, max - out.size())));
      query.put("offset", Integer.toString(out.size()));
      JsonNode page = send("GET", path + encode(query), null, false);
      List<T> items = items(page, type);
      out.addAll(items);
      if (items.isEmpty() || out.size() >= page.path("total").asLong(0)) {
        break;
      }
    }
    return out;
  }

  private <T> List<T> adminPage(String path, Map<String, String> query, Class<T> type) {
    query.put("limit", Integer.toString(PAGE));
    return items(send("GET", path + encode(query), null, true), type);
  }

  private <T> T admin(String method, String path, JsonNode body, Class<T> type) {
    return convert(adminTree(method, path, body), type);
  }

  private JsonNode adminTree(String method, String path, JsonNode body) {
    return send(method, path, body, true);
  }

  private JsonNode send(String method, String pathAndQuery, JsonNode body, boolean admin) {
    if (admin && apiKey.isEmpty()) {
      throw new KinitroException(ErrorCode.DESKTOP_API_KEY_REQUIRED, "The admin console needs an API key: add your "
          + "admin key to the connection profile on the Connections page");
    }
    URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + prefix() + pathAndQuery);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (admin) {
      b.header(API_KEY_HEADER, apiKey.orElseThrow());
    }
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw new KinitroException(ErrorCode.TIMEOUT, "The backend at " + base + " did not answer within "
          + timeout.toSeconds() + " s; it may be overloaded. Try again in a moment", e);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KinitroException(ErrorCode.TIMEOUT, "Interrupted while waiting for the backend", e);
    }
    if (r.statusCode() / 100 != 2) {
      throw ApiProblem.parse(r.statusCode(), r.body()).toException();
    }
    try {
      return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    } catch (JacksonException e) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "The backend at " + base + " answered something "
          + "that is not JSON (HTTP " + r.statusCode() + "); is the profile's URL a Kinitro backend?", e);
    }
  }

  private String prefix() {
    String p = base.getRawPath();
    return p == null ? "" : p.replaceAll("/+$", "");
  }

  private KinitroException unreachable(Exception e) {
    return new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE, "Cannot reach the backend at " + base + " ("
        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
        + "). Is it running (locally: ./kinitro up), and is the profile's URL right?", e);
  }

  private <T> List<T> items(JsonNode page, Class<T> type) {
    JsonNode items = page.path("items");
    if (!items.isArray()) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "The backend's list answer has no 'items'; is "
          + base + " a Kinitro backend of this version?");
    }
    List<T> out = new ArrayList<>();
    for (JsonNode item : items) {
      out.add(convert(item, type));
    }
    return List.copyOf(out);
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    try {
      JavaType javaType = JSON.constructType(type);
      return JSON.treeToValue(node, javaType);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new KinitroException(ErrorCode.EXTERNAL_PROTOCOL_ERROR, "The backend's answer does not have the shape of a "
          + type.getSimpleName() + " (" + e.getMessage() + "); is the backend the same version as this app?", e);
    }
  }

  private static Map<String, String> query(String key, String value) {
    Map<String, String> q = new LinkedHashMap<>();
    if (value != null) {
      q.put(key, value);
    }
    return q;
  }

  private static String encode(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("?");
    query.forEach((k, v) -> s.append(s.length() > 1 ? "&" : "").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return s.toString();
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
