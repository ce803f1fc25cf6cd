package ai.kinitro.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import ai.kinitro.desktop.testing.TestBackend;
import ai.kinitro.desktop.testing.TestBackend.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client against a real HTTP server answering exactly what the backend answers. */
class BackendApiTest {
  private static final String CANDIDATE = """
      {"id":"17","competition_id":"7312840000000000001","submission_id":"7312848011234567890",
       "miner_hotkey":"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty","avg_reward":412.5,"success_rate":0.75,
       "score":412.5,"total_episodes":40,"validator_count":2,"status":"pending",
       "created_at":"2026-03-01T12:11:40Z","updated_at":"2026-03-01T12:11:40Z","some_future_field":true}""";

  private static final String VALIDATOR = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  private final TestBackend backend = new TestBackend();

  @AfterEach
  void stop() {
    backend.close();
  }

  private BackendApi api(String key) {
    return new BackendApi(backend.url(), Optional.ofNullable(key), BackendApi.defaultHttpClient(), Duration.ofSeconds(5));
  }

  @Test
  void readsAPageOfLeaderCandidatesSendingTheApiKeyAndIgnoringUnknownFields() {
    backend.route("GET", "/admin/leader-candidates", r -> Response.ok("{\"items\":[" + CANDIDATE + "],\"total\":1,\"limit\":1000,\"offset\":0}"));

    List<LeaderCandidate> candidates = api("kin_admin").leaderCandidates(Optional.of(CandidateStatus.PENDING));

    assertThat(candidates).containsExactly(new LeaderCandidate("17", "7312840000000000001", "7312848011234567890",
        "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", 412.5, 0.75, Optional.of(412.5), Optional.of(40), 2,
        CandidateStatus.PENDING, Optional.empty(), Optional.empty(), Optional.of(Instant.parse("2026-03-01T12:11:40Z")),
        List.of()));
    TestBackend.Request request = backend.requests().getFirst();
    assertThat(request.apiKey()).contains("kin_admin");
    assertThat(request.query()).containsEntry("status", "pending").containsEntry("limit", "1000");
  }

  @Test
  void aLongEpisodeIsReadPageAfterPageInStepOrder() {
    int total = 2_345;
    backend.route("GET", "/episodes/(\\d+)/steps", r -> {
      int offset = Integer.parseInt(r.query().get("offset"));
      int limit = Integer.parseInt(r.query().get("limit"));
      List<Map<String, Object>> steps = IntStream.range(offset, Math.min(total, offset + limit))
          .mapToObj(i -> Map.<String, Object>of("step", i, "reward", 1.0, "done", i == total - 1))
          .toList();
      return Response.ok(Map.of("items", steps, "total", total, "limit", limit, "offset", offset));
    });

    List<StepInfo> steps = api(null).steps("42");

    assertThat(steps).extracting(StepInfo::step).containsExactlyElementsOf(
        IntStream.range(0, total).boxed().toList());
    assertThat(backend.requests()).extracting(q -> q.query().get("offset")).containsExactly("0", "1000", "2000");
  }

  @Test
  void publicReadsNeverSendTheApiKey() {
    backend.route("GET", "/validators", r -> Response.page(List.of()));

    api("kin_admin").validators();

    assertThat(backend.requests().getFirst().apiKey()).isEmpty();
  }

  @Test
  void aProblemDetailBecomesAKinitroExceptionWithTheBackendsCodeAndDetail() {
    backend.route("POST", "/admin/leader-candidates/(\\d+)/approve", r -> Response.problem(409, 1506,
        "CANDIDATE_ALREADY_REVIEWED", "Leader candidate " + r.group(1) + " was already rejected; create a new one"));

    assertThatThrownBy(() -> api("kin_admin").approve("17", "looks good"))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CANDIDATE_ALREADY_REVIEWED);
          assertThat(e.getMessage()).isEqualTo("Leader candidate 17 was already rejected; create a new one");
        });
    assertThat(backend.requests().getFirst().json().path("reason").asString()).isEqualTo("looks good");
  }

  @Test
  void anInvalidBenchmarkDefinitionIsRefusedWith422AndItsDetail() {
    backend.route("POST", "/competitions", r -> Response.problem(422, 1504, "UNKNOWN_ENVIRONMENT",
        "benchmarks[0]: environment 'classic/NoSuchEnv' is not in the registry; see ./kinitro env list"));
    CompetitionDraft draft = new CompetitionDraft("MT1", "", TestBackend.JSON.readTree("[{\"provider\":\"classic\"}]"), 100,
        0, 0.05, 0.5, 300, Optional.empty());

    assertThatThrownBy(() -> api("kin_admin").createCompetition(draft))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ENVIRONMENT);
          assertThat(e.getMessage()).contains("classic/NoSuchEnv");
        });
  }

  @Test
  void aWrongKeyIsExplainedWithWhereToFixIt() {
    backend.route("GET", "/admin/api-keys", r -> Response.problem(401, 1004, "UNAUTHENTICATED", "Unknown or inactive API key."));

    assertThatThrownBy(() -> api("kin_wrong").apiKeys())
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
          assertThat(e.getMessage()).contains("Connections page");
        });
  }

  @Test
  void adminCallsWithoutAKeyAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> api(null).apiKeys())
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DESKTOP_API_KEY_REQUIRED));
    assertThat(backend.requests()).isEmpty();
  }

  @Test
  void aCreatedApiKeyCarriesItsSecretOnceAndNeverPrintsIt() {
    backend.route("POST", "/admin/api-keys", r -> Response.json(201, """
        {"id":"9","name":"%s","key_prefix":"kin_ab12","role":"%s","active":true,"created_at":"2026-03-01T12:00:00Z",
         "api_key":"kin_ab12secretsecret"}""".formatted(r.json().path("name").asString(), r.json().path("role").asString())));

    ApiKeyInfo created = api("kin_admin").createApiKey("ops", "viewer", "");

    assertThat(created.secret()).contains("kin_ab12secretsecret");
    assertThat(created.role()).isEqualTo("viewer");
    assertThat(created.toString()).doesNotContain("secretsecret");
  }

  @Test
  void aValidatorKeyIsCreatedWithItsHotkeyAndExpiryAndActivatedOnTheAdminRoute() {
    backend.route("POST", "/admin/api-keys", r -> Response.json(201, """
        {"id":"9","name":"v1","key_prefix":"kin_ab12","role":"validator","associated_hotkey":"%s","active":true,
         "expires_at":"%s","api_key":"kin_ab12secretsecret"}""".formatted(r.json().path("associated_hotkey").asString(),
        r.json().path("expires_at").asString())));
    backend.route("PATCH", "/admin/api-keys/(\\d+)/activate", r -> Response.ok("""
        {"id":"%s","name":"v1","key_prefix":"kin_ab12","role":"validator","active":true}""".formatted(r.match().group(1))));

    ApiKeyInfo created = api("kin_admin").createApiKey("v1", "validator", "", Optional.of(VALIDATOR),
        Optional.of(Instant.parse("2027-01-31T00:00:00Z")));
    ApiKeyInfo activated = api("kin_admin").activateApiKey("9");

    assertThat(backend.requests().getFirst().json()).isEqualTo(tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree("""
            {"name":"v1","role":"validator","associated_hotkey":"%s","expires_at":"2027-01-31T00:00:00Z"}"""
            .formatted(VALIDATOR)));
    assertThat(created.associatedHotkey()).contains(VALIDATOR);
    assertThat(created.expiresAt()).contains(Instant.parse("2027-01-31T00:00:00Z"));
    assertThat(activated.active()).isTrue();
    assertThat(backend.requests().get(1).apiKey()).contains("kin_admin");
    assertThat(backend.requests().get(1).path()).isEqualTo("/admin/api-keys/9/activate");
  }

  @Test
  void everyJobIsReadPageAfterPageUpToTheCap() {
    int total = 2_500;
    backend.route("GET", "/jobs", r -> {
      int offset = Integer.parseInt(r.query().get("offset"));
      int limit = Integer.parseInt(r.query().get("limit"));
      List<Map<String, Object>> jobs = IntStream.range(offset, Math.min(total, offset + limit))
          .mapToObj(i -> Map.<String, Object>of("id", Integer.toString(i), "status", "RUNNING")).toList();
      return Response.ok(Map.of("items", jobs, "total", total, "limit", limit, "offset", offset));
    });

    assertThat(api(null).allJobs(10_000)).extracting(JobInfo::id)
        .containsExactlyElementsOf(IntStream.range(0, total).mapToObj(Integer::toString).toList());
    assertThat(api(null).allJobs(1_200)).hasSize(1_200);
    assertThat(backend.requests()).extracting(q -> q.query().get("offset") + "+" + q.query().get("limit"))
        .containsExactly("0+1000", "1000+1000", "2000+1000", "0+1000", "1000+200");
  }

  @Test
  void noWeightsYetIsAnEmptyAnswerNotAnError() {
    backend.route("GET", "/weights", r -> Response.problem(404, 1509, "NO_WEIGHTS_YET", "No weights have been computed yet"));

    assertThat(api(null).weights()).isEmpty();
  }

  @Test
  void anUnreachableBackendSaysWhereItLookedAndWhatToCheck() {
    backend.stop();

    assertThatThrownBy(() -> api(null).competitions(true))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE);
          assertThat(e.getMessage()).contains(backend.url().toString()).contains("./kinitro up");
        });
    backend.restart();
  }

  @Test
  void aBodyThatIsNotAProblemKeepsAnExcerptAndAStatusBasedCode() {
    ApiProblem p = ApiProblem.parse(502, "<html>Bad gateway</html>");

    assertThat(p).isEqualTo(new ApiProblem(502, Optional.empty(), Optional.empty(), "", "<html>Bad gateway</html>"));
    assertThat(p.errorCode()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE);
  }
}
