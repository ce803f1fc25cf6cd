package ai.kinitro.backend.leader;

import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code leader_candidates}: a submission whose aggregated results (medians across
 * validators) beat the competition's thresholds and the leader's margin, awaiting admin review.
 * Transitions: pending → approved | rejected, approved → pending (unapprove).
 */
@Table("leader_candidates")
public record LeaderCandidate(
    @Id long id,
    long competitionId,
    long submissionId,
    String minerHotkey,
    double avgReward,
    double successRate,
    Double score,
    Integer totalEpisodes,
    int validatorCount,
    CandidateStatus status,
    String statusReason,
    Long reviewedByApiKeyId,
    Instant reviewedAt,
    Instant createdAt,
    Instant updatedAt) {
  public LeaderCandidate {
    Objects.requireNonNull(minerHotkey, "minerHotkey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public LeaderCandidate reviewed(CandidateStatus to, String reason, Long reviewerKeyId, Instant at) {
    return new LeaderCandidate(id, competitionId, submissionId, minerHotkey, avgReward, successRate, score, totalEpisodes,
        validatorCount, to, reason, reviewerKeyId, at, createdAt, at);
  }
}
