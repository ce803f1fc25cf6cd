package ai.kinitro.backend.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.apikey.ApiKeyRole;
import ai.kinitro.backend.apikey.Principal;
import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.competition.CompetitionRepository;
import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.FailureClass;
import ai.kinitro.backend.job.Job;
import ai.kinitro.backend.leader.LeaderCandidate;
import ai.kinitro.backend.leader.LeaderCandidateRepository;
import ai.kinitro.backend.leader.LeaderService;
import ai.kinitro.backend.metagraph.DatabaseMetagraphSource;
import ai.kinitro.backend.metagraph.Neuron;
import ai.kinitro.backend.submission.Submission;
import ai.kinitro.backend.support.BackendIntegrationTest;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The score cycle against real PostgreSQL, with min-validators = 2 (set for every backend test). */
class ScoreCycleTest extends BackendIntegrationTest {
  static final String V1 = "5ValidatorOne";
  static final String V2 = "5ValidatorTwo";
  static final String V3 = "5ValidatorThree";
  static final String OWNER = "5OwnerHotkey";
  static final String MINER_A = "5MinerA";
  static final String MINER_B = "5MinerB";
  static final String MINER_C = "5MinerC";
  Principal admin;

  @Autowired ScoreCycle cycle;
  @Autowired LeaderService leaders;
  @Autowired LeaderCandidateRepository candidates;
  @Autowired CompetitionRepository competitions;
  @Autowired DatabaseMetagraphSource metagraph;

  @BeforeEach
  void onlyThisTestsCompetitionsAreActive() {
    var key = apiKeys.create(new ai.kinitro.backend.apikey.NewApiKey("scoring test", null, ApiKeyRole.ADMIN, null, null)).key();
    admin = new Principal(key.id(), key.name(), ApiKeyRole.ADMIN, null);
    fixtures.deactivateAllCompetitions();
    fixtures.disconnectAll();
    metagraph.replace(List.of(new Neuron(4, OWNER, false), new Neuron(10, MINER_A, false), new Neuron(11, MINER_B, false),
        new Neuron(12, MINER_C, false), new Neuron(20, V1, true), new Neuron(21, V2, true), new Neuron(22, V3, true)));
  }

  @Test
  void theCandidateCarriesTheMediansAcrossValidators() {
    Competition competition = fixtures.competition(10, 0.5, 0.05);
    Job job = fixtures.jobs(fixtures.submission(competition, MINER_A)).getFirst();
    fixtures.completed(job, V1, 10.0, 1.0);
    fixtures.completed(job, V2, 50.0, 0.2);
    fixtures.completed(job, V3, 20.0, 0.8);

    List<LeaderCandidate> queued = cycle.pollOnce().queued();

    assertThat(queued).singleElement().satisfies(c -> {
      assertThat(c.competitionId()).isEqualTo(competition.id());
      assertThat(List.of(c.avgReward(), c.successRate(), (double) c.validatorCount())).containsExactly(20.0, 0.8, 3.0);
      assertThat(c.status()).isEqualTo(CandidateStatus.PENDING);
    });
  }

  @Test
  void aSubmissionSeenByFewerValidatorsThanTheMinimumIsNotACandidate() {
    Competition competition = fixtures.competition(10, 0.5, 0.05);
    Job job = fixtures.jobs(fixtures.submission(competition, MINER_A)).getFirst();
    fixtures.completed(job, V1, 99.0, 1.0);

    assertThat(cycle.pollOnce().queued()).isEmpty();
  }

  @Test
  void agentFaultsFromMostValidatorsMakeASubmissionIneligibleButPlatformFaultsDoNot() {
    Competition competition = fixtures.competition(10, 0.5, 0.05);
    Job faulty = fixtures.jobs(fixtures.submission(competition, MINER_A)).getFirst();
    fixtures.completed(faulty, V1, 90.0, 1.0);
    fixtures.result(faulty, V2, AssignmentStatus.FAILED, FailureClass.AGENT, null, null);
    fixtures.result(faulty, V3, AssignmentStatus.FAILED, FailureClass.AGENT, null, null);
    Job flaky = fixtures.jobs(fixtures.submission(competition, MINER_B)).getFirst();
    fixtures.completed(flaky, V1, 30.0, 1.0);
    fixtures.completed(flaky, V2, 30.0, 1.0);
    fixtures.result(flaky, V3, AssignmentStatus.FAILED, FailureClass.PLATFORM, null, null);

    assertThat(cycle.pollOnce().queued()).extracting(LeaderCandidate::minerHotkey).containsExactly(MINER_B);
  }

  @Test
  void aRejectedTopCandidateLetsTheNextBestSubmissionBeQueued() {
    Competition competition = fixtures.competition(10, 0.5, 0.05);
    Job best = fixtures.jobs(fixtures.submission(competition, MINER_A)).getFirst();
    Job second = fixtures.jobs(fixtures.submission(competition, MINER_B)).getFirst();
    for (String v : List.of(V1, V2)) {
      fixtures.completed(best, v, 100.0, 1.0);
      fixtures.completed(second, v, 80.0, 1.0);
    }
    LeaderCandidate top = cycle.pollOnce().queued().getFirst();
    assertThat(top.minerHotkey()).isEqualTo(MINER_A);
    assertThat(cycle.pollOnce().queued()).as("a pending candidate awaits review").isEmpty();

    leaders.reject(top.id(), "copied agent", admin);

    assertThat(cycle.pollOnce().queued()).extracting(LeaderCandidate::minerHotkey).containsExactly(MINER_B);
  }

  @Test
  void aChallengerMustBeatTheLeaderByTheMarginAndTheLeaderOnlyChangesByApproval() {
    Competition competition = fixtures.competition(10, 0.5, 0.10);
    Job leaderJob = fixtures.jobs(fixtures.submission(competition, MINER_A)).getFirst();
    fixtures.completed(leaderJob, V1, 100.0, 1.0);
    fixtures.completed(leaderJob, V2, 100.0, 1.0);
    leaders.approve(cycle.pollOnce().queued().getFirst().id(), "first", admin);

    Job close = fixtures.jobs(fixtures.submission(competition, MINER_B)).getFirst();
    fixtures.completed(close, V1, 109.0, 1.0);
    fixtures.completed(close, V2, 109.0, 1.0);
    assertThat(cycle.pollOnce().queued()).as("109 does not beat 100 by 10 %").isEmpty();

    Job clear = fixtures.jobs(fixtures.submission(competition, MINER_C)).getFirst();
    fixtures.completed(clear, V1, 120.0, 1.0);
    fixtures.completed(clear, V2, 120.0, 1.0);
    List<LeaderCandidate> queued = cycle.pollOnce().queued();
    assertThat(queued).extracting(LeaderCandidate::minerHotkey).containsExactly(MINER_C);
    Competition stored = competitions.findById(competition.id()).orElseThrow();
    assertThat(List.of(stored.currentLeaderHotkey(), stored.currentLeaderReward())).as("no silent leader change")
        .containsExactly(MINER_A, 100.0);

    leaders.approve(queued.getFirst().id(), "better", admin);
    assertThat(competitions.findById(competition.id()).orElseThrow().currentLeaderHotkey()).isEqualTo(MINER_C);
  }

  @Test
  void approvalRechecksTheMarginAgainstTheLeaderAtThatMoment() {
    Competition competition = fixtures.competition(10, 0.5, 0.10);
    Job a = fixtures.jobs(fixtures.submission(competition, MINER_A)).getFirst();
    fixtures.completed(a, V1, 100.0, 1.0);
    fixtures.completed(a, V2, 100.0, 1.0);
    LeaderCandidate first = cycle.pollOnce().queued().getFirst();
    leaders.approve(first.id(), null, admin);
    Job b = fixtures.jobs(fixtures.submission(competition, MINER_B)).getFirst();
    fixtures.completed(b, V1, 200.0, 1.0);
    fixtures.completed(b, V2, 200.0, 1.0);
    LeaderCandidate second = cycle.pollOnce().queued().getFirst();
    leaders.unapprove(first.id(), "recheck", admin);
    leaders.approve(second.id(), null, admin);

    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(KinitroException.class, () -> leaders.approve(first.id(), null, admin)).code())
        .isEqualTo(ErrorCode.WIN_MARGIN_NOT_MET);
  }

  @Test
  void unapprovingTheLeaderFallsBackToTheLatestOtherApprovedCandidate() {
    Competition competition = fixtures.competition(10, 0.5, 0.10);
    Job a = fixtures.jobs(fixtures.submission(competition, MINER_A)).getFirst();
    fixtures.completed(a, V1, 100.0, 1.0);
    fixtures.completed(a, V2, 100.0, 1.0);
    LeaderCandidate first = cycle.pollOnce().queued().getFirst();
    leaders.approve(first.id(), null, admin);
    Job b = fixtures.jobs(fixtures.submission(competition, MINER_B)).getFirst();
    fixtures.completed(b, V1, 200.0, 1.0);
    fixtures.completed(b, V2, 200.0, 1.0);
    LeaderCandidate second = cycle.pollOnce().queued().getFirst();
    leaders.approve(second.id(), null, admin);

    leaders.unapprove(second.id(), "suspicious", admin);

    Competition stored = competitions.findById(competition.id()).orElseThrow();
    assertThat(List.of(stored.currentLeaderHotkey(), stored.currentLeaderCandidateId())).containsExactly(MINER_A, first.id());
    leaders.unapprove(first.id(), "also suspicious", admin);
    assertThat(competitions.findById(competition.id()).orElseThrow().currentLeaderHotkey()).isNull();
  }

  @Test
  void awardsFollowCompetitionCreationOrderWithOneWinPerMinerAndTheRestToTheOwner() {
    Competition first = leaderOf(fixtures.competition(30, 0.5, 0.05), MINER_A);
    Competition second = leaderOf(fixtures.competition(10, 0.5, 0.05), MINER_A);
    Competition third = leaderOf(fixtures.competition(60, 0.5, 0.05), MINER_B);
    fixtures.competition(0 + 100, 0.5, 0.05); // no leader

    ScoreCycle.Outcome outcome = cycle.pollOnce();

    assertThat(outcome.awards().stream().collect(Collectors.toMap(Award::competitionId, Award::outcome))).containsAllEntriesOf(Map.of(
        first.id(), Award.Outcome.AWARDED, second.id(), Award.Outcome.ALREADY_AWARDED, third.id(), Award.Outcome.AWARDED));
    double burnKept = 1 - 0.98;
    Map<Integer, Double> weights = ai.kinitro.backend.weights.WeightsService.entriesOf(outcome.snapshot().orElseThrow()).stream()
        .collect(Collectors.toMap(e -> e.uid(), e -> e.weight()));
    assertThat(weights.keySet()).containsExactlyInAnyOrder(4, 10, 11);
    assertThat(weights.get(10)).isCloseTo(30.0 / 200 * burnKept, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(weights.get(11)).isCloseTo(60.0 / 200 * burnKept, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(weights.get(4)).isCloseTo(1 - 90.0 / 200 * burnKept, org.assertj.core.data.Offset.offset(1e-12));
  }

  private Competition leaderOf(Competition competition, String miner) {
    Submission submission = fixtures.submission(competition, miner);
    Job job = fixtures.jobs(submission).getFirst();
    fixtures.completed(job, V1, 50.0, 1.0);
    fixtures.completed(job, V2, 50.0, 1.0);
    LeaderCandidate candidate = leaders.queue(competition.id(), submission.id(), miner, 50.0, 1.0, 50.0, 4, 2);
    leaders.approve(candidate.id(), null, admin);
    return competitions.findById(competition.id()).orElseThrow();
  }
}
