package ai.kinitro.backend.scoring;

import ai.kinitro.backend.chain.SubnetSettings;
import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.competition.CompetitionRepository;
import ai.kinitro.backend.job.JobRepository;
import ai.kinitro.backend.leader.LeaderCandidate;
import ai.kinitro.backend.leader.LeaderCandidateRepository;
import ai.kinitro.backend.leader.LeaderService;
import ai.kinitro.backend.metagraph.MetagraphSource;
import ai.kinitro.backend.result.ResultRepository;
import ai.kinitro.backend.weights.WeightEntryRow;
import ai.kinitro.backend.weights.WeightSnapshot;
import ai.kinitro.backend.weights.WeightsService;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One score cycle: for every active competition, aggregate results across validators and queue
 * the next leader candidate if one qualifies; then compute weights from the approved leaders and
 * store a snapshot. {@link #pollOnce()} runs a cycle; {@link ScoringLoop} calls it periodically.
 */
@Service
public class ScoreCycle {
  private static final Logger LOG = LoggerFactory.getLogger(ScoreCycle.class);

  private final CompetitionRepository competitions;
  private final JobRepository jobs;
  private final ResultRepository results;
  private final LeaderCandidateRepository candidates;
  private final LeaderService leaders;
  private final MetagraphSource metagraph;
  private final WeightsService weights;
  private final ScoringProperties properties;
  private final int netuid;

  public ScoreCycle(CompetitionRepository competitions, JobRepository jobs, ResultRepository results, LeaderCandidateRepository candidates,
      LeaderService leaders, MetagraphSource metagraph, WeightsService weights, ScoringProperties properties, SubnetSettings subnet) {
    this.competitions = competitions;
    this.jobs = jobs;
    this.results = results;
    this.candidates = candidates;
    this.leaders = leaders;
    this.metagraph = metagraph;
    this.weights = weights;
    this.properties = properties;
    this.netuid = subnet.netuid();
  }

  /** What a cycle did. */
  public record Outcome(List<LeaderCandidate> queued, Optional<WeightSnapshot> snapshot, List<Award> awards) {}

  /**
   * Runs one cycle. A failure in one competition is logged and does not stop the others; a
   * failure to compute weights (e.g. the owner uid is not in the metagraph) leaves the previous
   * snapshot in place.
   */
  public Outcome pollOnce() {
    List<LeaderCandidate> queued = new ArrayList<>();
    for (Competition competition : competitions.findActiveInAwardOrder()) {
      try {
        considerCandidates(competition).ifPresent(queued::add);
      } catch (RuntimeException e) {
        LOG.error("Score cycle failed for competition {} ({}); continuing with the others", competition.id(), competition.name(), e);
      }
    }
    AwardCalculator.Plan plan = AwardCalculator.compute(competitions.findActiveInAwardOrder(), metagraph.neurons(),
        properties.burnShare(), properties.ownerUid());
    List<WeightEntryRow> entries = plan.weights().values().stream()
        .map(e -> new WeightEntryRow(e.uid(), e.hotkey(), e.weight())).toList();
    WeightSnapshot snapshot = weights.record(netuid, entries, properties.weightsTtl());
    return new Outcome(queued, Optional.of(snapshot), plan.awards());
  }

  /** The aggregates of a competition's submissions (also used by the submission leaderboard). */
  public List<SubmissionAggregate> aggregates(long competitionId) {
    return ResultAggregator.aggregate(jobs.findCurrentByCompetition(competitionId), results.findForCurrentJobs(competitionId));
  }

  private Optional<LeaderCandidate> considerCandidates(Competition competition) {
    List<SubmissionAggregate> aggregates = aggregates(competition.id());
    Map<Long, CandidateStatus> bySubmission = new HashMap<>();
    Long leaderSubmission = null;
    for (LeaderCandidate c : candidates.findByCompetition(competition.id())) {
      bySubmission.put(c.submissionId(), c.status());
      if (competition.currentLeaderCandidateId() != null && competition.currentLeaderCandidateId() == c.id()) {
        leaderSubmission = c.submissionId();
      }
    }
    return CandidateSelector.select(competition, aggregates, bySubmission, leaderSubmission, properties.minValidators())
        .map(a -> {
          LOG.info("Competition {}: submission {} of {} queued as leader candidate (median avg_reward {}, success_rate {}, {} validators)",
              competition.id(), a.submissionId(), a.minerHotkey(), a.avgReward(), a.successRate(), a.validators());
          return leaders.queue(competition.id(), a.submissionId(), a.minerHotkey(), a.avgReward(), a.successRate(), a.score(),
              a.totalEpisodes(), a.validators());
        });
  }
}
