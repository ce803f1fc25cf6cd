package ai.kinitro.desktop.api;

import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A leader candidate awaiting (or after) an admin's review, with the aggregate that made it one.
 * {@code reviews} (the audit trail) is filled only by {@code GET /admin/leader-candidates/{id}}.
 */
public record LeaderCandidate(
    String id,
    String competitionId,
    String submissionId,
    String minerHotkey,
    double avgReward,
    double successRate,
    Optional<Double> score,
    Optional<Integer> totalEpisodes,
    int validatorCount,
    CandidateStatus status,
    Optional<String> statusReason,
    Optional<Instant> reviewedAt,
    Optional<Instant> createdAt,
    List<Review> reviews) {
  public LeaderCandidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(competitionId, "competitionId");
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(minerHotkey, "minerHotkey");
    Objects.requireNonNull(status, "status");
    score = Nulls.opt(score);
    totalEpisodes = Nulls.opt(totalEpisodes);
    statusReason = Nulls.opt(statusReason);
    reviewedAt = Nulls.opt(reviewedAt);
    createdAt = Nulls.opt(createdAt);
    reviews = Nulls.list(reviews);
  }

  /** One audit row: from which status to which, by whom, when and why. */
  public record Review(CandidateStatus fromStatus, CandidateStatus toStatus, Optional<String> reason,
      Optional<String> reviewerName, Optional<Instant> at) {
    public Review {
      reason = Nulls.opt(reason);
      reviewerName = Nulls.opt(reviewerName);
      at = Nulls.opt(at);
    }
  }
}
