package ai.kinitro.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.support.Api.Response;
import ai.kinitro.backend.support.BackendIntegrationTest;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Every list endpoint pages with limit/offset, reports the total, and refuses out-of-range paging with INVALID_PAGINATION. */
class PaginationTest extends BackendIntegrationTest {
  static final List<String> PUBLIC_LISTS = List.of("/competitions", "/submissions", "/submissions/revealed", "/jobs", "/job-status",
      "/results", "/episodes", "/validators", "/leaderboards/submissions");
  static final List<String> ADMIN_LISTS = List.of("/admin/api-keys", "/admin/leader-candidates");

  @Test
  void everyListHonoursLimitAndOffsetAndReportsTheTotal() {
    for (int i = 0; i < 3; i++) {
      competitionService.create(competitionRequest(unique("paging"), 1));
    }
    adminKey();
    SoftAssertions soft = new SoftAssertions();
    for (String path : all()) {
      Response page = get(path + "?limit=2&offset=1");
      soft.assertThat(page.status()).as(path).isEqualTo(200);
      if (page.status() == 200) {
        soft.assertThat(Map.of("limit", page.json().get("limit").asInt(), "offset", page.json().get("offset").asLong()))
            .as(path).isEqualTo(Map.of("limit", 2, "offset", 1L));
        long total = page.json().get("total").asLong();
        soft.assertThat(page.json().get("items").size()).as(path).isEqualTo((int) Math.max(0, Math.min(2, total - 1)));
      }
    }
    soft.assertAll();
    Response competitions = get("/competitions?limit=2&offset=1");
    assertThat(competitions.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(competitions.json().get("items").size()).isEqualTo(2);
  }

  @Test
  void outOfRangePagingIsAProblemOnEveryList() {
    SoftAssertions soft = new SoftAssertions();
    for (String path : all()) {
      for (String query : List.of("?limit=0", "?limit=1001", "?offset=-1")) {
        Response response = get(path + query);
        soft.assertThat(response.status()).as(path + query).isEqualTo(400);
        soft.assertThat(response.json() == null ? null : response.json().get("code").asInt()).as(path + query).isEqualTo(1502);
      }
    }
    soft.assertAll();
  }

  @Test
  void theDefaultLimitIsOneHundred() {
    assertThat(get("/competitions").json().get("limit").asInt()).isEqualTo(Paging.DEFAULT_LIMIT);
  }

  private List<String> all() {
    return java.util.stream.Stream.concat(PUBLIC_LISTS.stream(), ADMIN_LISTS.stream()).toList();
  }

  private Response get(String path) {
    return path.startsWith("/admin") ? api().get(path, adminKey()) : api().get(path);
  }
}
