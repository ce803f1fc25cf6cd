package ai.kinitro.backend.leader;

import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of the append-only {@code leader_candidate_reviews} audit: who moved a candidate from which status to which, when and why. */
@Table("leader_candidate_reviews")
public record LeaderCandidateReview(
    @Id long id,
    long candidateId,
    CandidateStatus fromStatus,
    CandidateStatus toStatus,
    String reason,
    Long reviewerApiKeyId,
    String reviewerName,
    Instant createdAt) {
  public LeaderCandidateReview {
    Objects.requireNonNull(fromStatus, "fromStatus");
    Objects.requireNonNull(toStatus, "toStatus");
    Objects.requireNonNull(reviewerName, "reviewerName");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
