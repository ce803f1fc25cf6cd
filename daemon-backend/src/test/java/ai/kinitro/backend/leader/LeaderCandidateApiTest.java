package ai.kinitro.backend.leader;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.support.Api.Response;
import ai.kinitro.backend.support.BackendIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Approve, reject and unapprove over HTTP, each leaving an audit row with who, when, from and to. */
class LeaderCandidateApiTest extends BackendIntegrationTest {
  @Autowired LeaderService leaders;

  @Test
  void approveThenUnapproveIsAuditedAndMovesTheLeader() {
    Competition competition = fixtures.competition(5, 0.5, 0.05);
    LeaderCandidate candidate = candidate(competition, "5MinerApproved", 42.0);

    Response approved = api().post("/admin/leader-candidates/" + candidate.id() + "/approve", Map.of("reason", "verified twice"), adminKey());
    assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
    assertThat(approved.json().get("status").asString()).isEqualTo("approved");
    assertThat(api().get("/competitions/" + competition.id()).json().get("current_leader_hotkey").asString()).isEqualTo("5MinerApproved");

    Response unapproved = api().post("/admin/leader-candidates/" + candidate.id() + "/unapprove", Map.of("reason", "appeal"), adminKey());
    assertThat(unapproved.json().get("status").asString()).isEqualTo("pending");
    assertThat(api().get("/competitions/" + competition.id()).json().get("current_leader_hotkey").isNull()).isTrue();

    JsonNode reviews = api().get("/admin/leader-candidates/" + candidate.id(), adminKey()).json().get("reviews");
    assertThat(reviews.valueStream().map(r -> List.of(r.get("from_status").asString(), r.get("to_status").asString(),
        r.get("reason").asString(), r.get("reviewer_name").asString())).toList())
        .containsExactly(List.of("pending", "approved", "verified twice", "test admin"), List.of("approved", "pending", "appeal", "test admin"));
    assertThat(reviews.get(0).get("at").asString()).isNotBlank();
  }

  @Test
  void rejectIsFinalAndASecondReviewIsAConflict() {
    LeaderCandidate candidate = candidate(fixtures.competition(5, 0.5, 0.05), "5MinerRejected", 10.0);
    assertThat(api().post("/admin/leader-candidates/" + candidate.id() + "/reject", Map.of("reason", "copy"), adminKey())
        .json().get("status").asString()).isEqualTo("rejected");

    Response again = api().post("/admin/leader-candidates/" + candidate.id() + "/approve", null, adminKey());
    assertThat(List.of(again.status(), again.json().get("error").asString())).containsExactly(409, "CANDIDATE_ALREADY_REVIEWED");
    Response unapprove = api().post("/admin/leader-candidates/" + candidate.id() + "/unapprove", null, adminKey());
    assertThat(List.of(unapprove.status(), unapprove.json().get("error").asString())).containsExactly(409, "CANDIDATE_NOT_APPROVED");
  }

  @Test
  void candidatesAreListedByCompetitionAndStatus() {
    Competition competition = fixtures.competition(5, 0.5, 0.05);
    LeaderCandidate candidate = candidate(competition, "5MinerListed", 10.0);
    Response pending = api().get("/admin/leader-candidates?competition_id=" + competition.id() + "&status=pending", adminKey());
    assertThat(pending.json().get("items").valueStream().map(n -> n.get("id").asString())).containsExactly(Long.toString(candidate.id()));
    assertThat(api().get("/admin/leader-candidates?competition_id=" + competition.id() + "&status=approved", adminKey())
        .json().get("total").asLong()).isZero();
    assertThat(api().get("/admin/leader-candidates?status=maybe", adminKey()).status()).isEqualTo(400);
  }

  @Test
  void anUnknownCandidateIsNotFound() {
    Response response = api().post("/admin/leader-candidates/1/approve", null, adminKey());
    assertThat(List.of(response.status(), response.json().get("error").asString())).containsExactly(404, "NOT_FOUND");
  }

  private LeaderCandidate candidate(Competition competition, String miner, double reward) {
    Submission submission = fixtures.submission(competition, miner);
    return leaders.queue(competition.id(), submission.id(), miner, reward, 1.0, reward, 4, 2);
  }
}
