package ai.kinitro.backend.scoring;

import ai.kinitro.backend.competition.Competition;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses which submission, if any, becomes the competition's next leader candidate (pure; fixes
 * §10 #21): eligible aggregates are walked from the best down (avg_reward, then success rate,
 * then the earlier submission); those already reviewed (approved or rejected) are skipped; the
 * first one without a candidate is queued if it beats the leader by the margin. A pending
 * candidate higher up stops the walk (it awaits review), as does the first aggregate that fails
 * the margin (everything below fails it too).
 */
final class CandidateSelector {
  static final Comparator<SubmissionAggregate> BEST_FIRST = Comparator
      .comparingDouble(SubmissionAggregate::avgReward).reversed()
      .thenComparing(Comparator.comparingDouble(SubmissionAggregate::successRate).reversed())
      .thenComparingLong(SubmissionAggregate::submissionId);

  private CandidateSelector() {}

  static Optional<SubmissionAggregate> select(Competition competition, List<SubmissionAggregate> aggregates,
      Map<Long, CandidateStatus> candidateBySubmission, Long leaderSubmissionId, int minValidators) {
    List<SubmissionAggregate> eligible = aggregates.stream()
        .filter(a -> a.validators() >= minValidators)
        .filter(a -> a.agentFailures() < a.validators())
        .filter(a -> Eligibility.meetsThresholds(competition, a.avgReward(), a.successRate()))
        .sorted(BEST_FIRST)
        .toList();
    for (SubmissionAggregate a : eligible) {
      if (leaderSubmissionId != null && leaderSubmissionId == a.submissionId()) {
        return Optional.empty(); // nothing better than the leader remains unreviewed above it
      }
      CandidateStatus existing = candidateBySubmission.get(a.submissionId());
      if (existing == CandidateStatus.PENDING) {
        return Optional.empty();
      }
      if (existing != null) {
        continue; // approved or rejected: look further down
      }
      return Eligibility.beatsLeader(competition, a.avgReward()) ? Optional.of(a) : Optional.empty();
    }
    return Optional.empty();
  }
}
