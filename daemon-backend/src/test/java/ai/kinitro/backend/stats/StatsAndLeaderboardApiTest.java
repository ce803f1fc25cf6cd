package ai.kinitro.backend.stats;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.apikey.ApiKeyRole;
import ai.kinitro.backend.apikey.NewApiKey;
import ai.kinitro.backend.apikey.Principal;
import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.leader.LeaderService;
import ai.kinitro.backend.metagraph.DatabaseMetagraphSource;
import ai.kinitro.backend.metagraph.Neuron;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.support.BackendIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class StatsAndLeaderboardApiTest extends BackendIntegrationTest {
  @Autowired LeaderService leaders;
  @Autowired DatabaseMetagraphSource metagraph;

  @Test
  void theSubmissionLeaderboardRanksByTheMedianOfCompletedResults() {
    Competition competition = fixtures.competition(1, 0.5, 0.05);
    Job low = fixtures.jobs(fixtures.submission(competition, "5BoardLow")).getFirst();
    Job high = fixtures.jobs(fixtures.submission(competition, "5BoardHigh")).getFirst();
    fixtures.completed(low, "5BoardV1", 1.0, 1.0);
    fixtures.completed(low, "5BoardV2", 3.0, 1.0);
    fixtures.completed(low, "5BoardV3", 100.0, 1.0);
    fixtures.completed(high, "5BoardV1", 10.0, 1.0);

    JsonNode board = api().get("/leaderboards/submissions?competition_id=" + competition.id()).json();
    assertThat(board.get("total").asInt()).isEqualTo(2);
    assertThat(board.get("items").valueStream().map(e -> List.of(e.get("rank").asInt(), e.get("miner_hotkey").asString(),
        e.get("avg_reward").asDouble(), e.get("validators").asInt())).toList())
        .containsExactly(List.of(1, "5BoardHigh", 10.0, 1), List.of(2, "5BoardLow", 3.0, 3));
    assertThat(api().get("/leaderboards/submissions?competition_id=" + competition.id() + "&min_results=2").json().get("total").asInt())
        .isEqualTo(1);
    assertThat(api().get("/leaderboards/submissions?sort_by=luck").status()).isEqualTo(400);
  }

  @Test
  void theCompetitionLeaderboardShowsWhatTheWeightsActuallyGive() {
    fixtures.deactivateAllCompetitions();
    metagraph.replace(List.of(new Neuron(4, "5BoardOwner", false), new Neuron(9, "5BoardLeader", false)));
    var key = apiKeys.create(new NewApiKey("board admin", null, ApiKeyRole.ADMIN, null, null)).key();
    Principal admin = new Principal(key.id(), key.name(), ApiKeyRole.ADMIN, null);
    Competition first = fixtures.competition(30, 0.5, 0.05);
    Competition second = fixtures.competition(70, 0.5, 0.05);
    for (Competition c : List.of(first, second)) {
      Submission s = fixtures.submission(c, "5BoardLeader");
      leaders.approve(leaders.queue(c.id(), s.id(), "5BoardLeader", 5.0, 1.0, 5.0, 2, 2).id(), null, admin);
    }

    JsonNode board = api().get("/competitions/leaderboard").json();
    assertThat(board.get("total_points").asLong()).isEqualTo(100);
    JsonNode leader = board.get("leaders").get(0);
    assertThat(List.of(leader.get("rank").asInt(), leader.get("miner_hotkey").asString(), leader.get("total_points").asInt()))
        .containsExactly(1, "5BoardLeader", 100);
    assertThat(leader.get("weight_share").asDouble()).isCloseTo(0.3 * 0.02, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(board.get("competitions").get(1).get("award_outcome").asString()).isEqualTo("ALREADY_AWARDED");
    JsonNode stats = api().get("/stats").json();
    assertThat(stats.get("active_competitions").asInt()).isEqualTo(2);
    assertThat(stats.get("competition_percentages").get(Long.toString(second.id())).asDouble()).isEqualTo(70.0);
  }
}
