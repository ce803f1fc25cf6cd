package ai.kinitro.backend.competition;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.support.Api.Response;
import ai.kinitro.backend.support.BackendIntegrationTest;
import ai.kinitro.backend.support.TestEnvironments;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompetitionApiTest extends BackendIntegrationTest {
  @Test
  void anAdminCreatesACompetitionAndAnyoneReadsItBackWithItsIdAsAString() {
    String name = unique("create");
    Response created = api().post("/competitions", competitionRequest(name, 7), adminKey());
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().get("id").asString();
    Response read = api().get("/competitions/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("name").asString()).isEqualTo(name);
    assertThat(read.json().get("benchmarks").get(0).get("tasks").get(0).asString()).isEqualTo("classic/CartPole-v1");
    assertThat(read.json().get("benchmarks").get(0).get("variants_per_task").asInt()).isEqualTo(2);
    assertThat(read.json().get("benchmarks").get(0).get("image_size").asInt()).isEqualTo(84);
    assertThat(read.json().get("id").isString()).isTrue();
  }

  @Test
  void aDuplicateNameIsAConflictProblemNotAServerError() {
    String name = unique("dup");
    api().post("/competitions", competitionRequest(name, 1), adminKey());
    Response second = api().post("/competitions", competitionRequest(name, 1), adminKey());
    assertProblem(second, 409, 1505, "DUPLICATE_COMPETITION_NAME");
  }

  @Test
  void anUnknownIdIsNotFound() {
    assertProblem(api().get("/competitions/123456789"), 404, 1001, "NOT_FOUND");
  }

  @Test
  void anOverLongNameIsRejectedAsTooLong() {
    Response response = api().post("/competitions", competitionRequest("x".repeat(257), 1), adminKey());
    assertProblem(response, 400, 1501, "VALUE_TOO_LONG");
  }

  @Test
  void aBenchmarkNamingAnUnregisteredEnvironmentIsUnprocessable() {
    CompetitionRequest request = new CompetitionRequest(unique("bad env"), null, List.of(new BenchmarkDefinition("b", "classic",
        List.of("classic/MountainCar-v9"), 1, 1, 10, List.of("default"), 84)), 1, null, null, null, null, null, null, null, null, null);
    Response response = api().post("/competitions", request, adminKey());
    assertProblem(response, 422, 1504, "UNKNOWN_ENVIRONMENT");
    assertThat(response.json().get("detail").asString()).contains("classic/MountainCar-v9").contains("classic/CartPole-v1");
  }

  @Test
  void aCameraTheEnvironmentDoesNotHaveIsAnInvalidBenchmark() {
    CompetitionRequest request = new CompetitionRequest(unique("bad camera"), null, List.of(new BenchmarkDefinition("reach", "manipulation",
        List.of(TestEnvironments.REACH), 1, 1, 10, List.of("top"), 84)), 1, null, null, null, null, null, null, null, null, null);
    assertProblem(api().post("/competitions", request, adminKey()), 422, 1503, "INVALID_BENCHMARK_SPEC");
  }

  @Test
  void theDocumentedSnakeCaseShapeIsAcceptedAndExpandsIntoJobsLikeTheSharedType() {
    String body = """
        {"name": "%s", "points": 1, "benchmarks": [{"name": "cp", "suite": "classic", "tasks": ["classic/CartPole-v1"],
         "variants_per_task": 3, "episodes_per_task": 2, "max_episode_steps": 50, "cameras": ["default"], "image_size": 96}]}
        """.formatted(unique("snake"));
    Response created = api().post("/competitions", body, adminKey());
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.json().get("benchmarks").get(0).get("max_episode_steps").asInt()).isEqualTo(50);
  }

  @Test
  void aBenchmarkWithAMissingFieldIsAnInvalidBenchmarkNamingTheField() {
    String body = """
        {"name": "%s", "points": 1, "benchmarks": [{"name": "cp", "suite": "classic", "tasks": ["classic/CartPole-v1"],
         "episodes_per_task": 2, "max_episode_steps": 50, "cameras": ["default"], "image_size": 96}]}
        """.formatted(unique("missing"));
    Response response = api().post("/competitions", body, adminKey());
    assertProblem(response, 422, 1503, "INVALID_BENCHMARK_SPEC");
    assertThat(response.json().get("detail").asString()).contains("benchmarks[0]").contains("variants_per_task");
  }

  @Test
  void aStepLimitAboveTheEnvironmentsOwnIsAnInvalidBenchmark() {
    CompetitionRequest request = new CompetitionRequest(unique("long"), null, List.of(new BenchmarkDefinition("cp", "classic",
        List.of(TestEnvironments.CARTPOLE), 1, 1, 501, List.of("default"), 84)), 1, null, null, null, null, null, null, null, null, null);
    Response response = api().post("/competitions", request, adminKey());
    assertProblem(response, 422, 1503, "INVALID_BENCHMARK_SPEC");
    assertThat(response.json().get("detail").asString()).contains("max_episode_steps 501");
  }

  @Test
  void anUnreadableBodyIsABadRequestProblem() {
    assertProblem(api().post("/competitions", "{not json", adminKey()), 400, 1500, "INVALID_REQUEST_BODY");
  }

  @Test
  void updateReplacesTheDefinitionAndRefusesAnotherCompetitionsName() {
    String taken = unique("taken");
    api().post("/competitions", competitionRequest(taken, 1), adminKey());
    String id = api().post("/competitions", competitionRequest(unique("mine"), 1), adminKey()).json().get("id").asString();
    String renamed = unique("renamed");
    Response updated = api().put("/competitions/" + id, competitionRequest(renamed, 9), adminKey());
    assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    assertThat(updated.json().get("points").asInt()).isEqualTo(9);
    assertThat(updated.json().get("name").asString()).isEqualTo(renamed);
    assertProblem(api().put("/competitions/" + id, competitionRequest(taken, 1), adminKey()), 409, 1505, "DUPLICATE_COMPETITION_NAME");
  }

  @Test
  void deactivateHidesTheCompetitionFromTheActiveList() {
    String id = api().post("/competitions", competitionRequest(unique("toggle"), 1), adminKey()).json().get("id").asString();
    assertThat(api().patch("/competitions/" + id + "/deactivate", adminKey()).json().get("active").asBoolean()).isFalse();
    Response active = api().get("/competitions?active_only=true&limit=1000");
    assertThat(active.json().get("items").valueStream().map(n -> n.get("id").asString())).doesNotContain(id);
    assertThat(api().patch("/competitions/" + id + "/activate", adminKey()).json().get("active").asBoolean()).isTrue();
  }

  @Test
  void aWrongKeyOnAPublicRouteDoesNotBreakTheRead() {
    assertThat(api().get("/competitions", "kin_not-a-real-key").status()).isEqualTo(200);
  }

  static void assertProblem(Response response, int status, int code, String error) {
    assertThat(response.status()).as(response.raw()).isEqualTo(status);
    assertThat(Map.of("status", response.json().get("status").asInt(), "code", response.json().get("code").asInt(),
        "error", response.json().get("error").asString()))
        .isEqualTo(Map.of("status", status, "code", code, "error", error));
    assertThat(response.json().get("detail").asString()).isNotBlank();
  }
}
