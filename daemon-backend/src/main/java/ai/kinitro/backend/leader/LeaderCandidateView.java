package ai.kinitro.backend.leader;

import ai.kinitro.common.protocol.realtime.CandidateStatus;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A leader candidate in admin answers; {@code reviews} (the audit trail) is present on single-candidate answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LeaderCandidateView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long competitionId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
    String minerHotkey,
    double avgReward,
    double successRate,
    Double score,
    Integer totalEpisodes,
    int validatorCount,
    CandidateStatus status,
    String statusReason,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Long reviewedByApiKeyId,
    Instant reviewedAt,
    Instant createdAt,
    Instant updatedAt,
    List<ReviewView> reviews) {

  /** One audit row: who moved the candidate from which status to which, when and why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReviewView(CandidateStatus fromStatus, CandidateStatus toStatus, String reason,
      @JsonFormat(shape = JsonFormat.Shape.STRING) Long reviewerApiKeyId, String reviewerName, Instant at) {}

  static LeaderCandidateView of(LeaderCandidate c, List<LeaderCandidateReview> reviews) {
    return new LeaderCandidateView(c.id(), c.competitionId(), c.submissionId(), c.minerHotkey(), c.avgReward(), c.successRate(), c.score(),
        c.totalEpisodes(), c.validatorCount(), c.status(), c.statusReason(), c.reviewedByApiKeyId(), c.reviewedAt(), c.createdAt(),
        c.updatedAt(), reviews == null ? null : reviews.stream().map(r -> new ReviewView(r.fromStatus(), r.toStatus(), r.reason(),
            r.reviewerApiKeyId(), r.reviewerName(), r.createdAt())).toList());
  }
}
