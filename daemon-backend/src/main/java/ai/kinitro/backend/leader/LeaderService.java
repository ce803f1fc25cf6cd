package ai.kinitro.backend.leader;

import ai.kinitro.backend.apikey.Principal;
import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.competition.CompetitionRepository;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.scoring.Eligibility;
import ai.kinitro.backend.web.Filters;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.backend.web.TextLimits;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leader candidates and their review. A competition's leader changes only here, by an admin's
 * approval (never silently by the score cycle, §10 #23); approval re-checks thresholds and the
 * margin against the leader at that moment (§10 #24); every transition writes an audit row.
 */
@Service
public class LeaderService {
  private final LeaderCandidateRepository candidates;
  private final LeaderCandidateReviewRepository reviews;
  private final CompetitionRepository competitions;
  private final JdbcAggregateOperations template;
  private final IdGenerator ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public LeaderService(LeaderCandidateRepository candidates, LeaderCandidateReviewRepository reviews, CompetitionRepository competitions,
      JdbcAggregateOperations template, IdGenerator ids, Clock clock, ApplicationEventPublisher events) {
    this.candidates = candidates;
    this.reviews = reviews;
    this.competitions = competitions;
    this.template = template;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
  }

  /** Queues a new pending candidate (called by the score cycle). */
  @Transactional
  public LeaderCandidate queue(long competitionId, long submissionId, String minerHotkey, double avgReward, double successRate, Double score,
      Integer totalEpisodes, int validatorCount) {
    Instant now = clock.instant();
    LeaderCandidate candidate = candidates.insert(new LeaderCandidate(ids.next(), competitionId, submissionId, minerHotkey, avgReward,
        successRate, score, totalEpisodes, validatorCount, CandidateStatus.PENDING, null, null, null, now, now));
    events.publishEvent(new LeaderCandidateEvent(candidate.id(), competitionId, minerHotkey, CandidateStatus.PENDING, null, false, now));
    return candidate;
  }

  @Transactional
  public LeaderCandidate approve(long id, String reason, Principal admin) {
    LeaderCandidate candidate = lock(id);
    if (candidate.status() != CandidateStatus.PENDING) {
      throw alreadyReviewed(candidate);
    }
    Competition competition = competitions.lockById(candidate.competitionId()).orElseThrow();
    if (!competition.active()) {
      throw new KinitroException(ErrorCode.COMPETITION_INACTIVE, "Competition " + competition.id() + " is inactive; activate it before approving");
    }
    if (!Eligibility.meetsThresholds(competition, candidate.avgReward(), candidate.successRate())) {
      throw new KinitroException(ErrorCode.CANDIDATE_BELOW_THRESHOLDS, "Candidate " + id + " (avg_reward " + candidate.avgReward()
          + ", success_rate " + candidate.successRate() + ") no longer meets the competition's thresholds (min_avg_reward "
          + competition.minAvgReward() + ", min_success_rate " + competition.minSuccessRate() + ")");
    }
    if (!Eligibility.beatsLeader(competition, candidate.avgReward())) {
      throw new KinitroException(ErrorCode.WIN_MARGIN_NOT_MET, "Candidate " + id + " (avg_reward " + candidate.avgReward()
          + ") does not beat the current leader " + competition.currentLeaderHotkey() + " (avg_reward " + competition.currentLeaderReward()
          + ") by the win margin of " + competition.winMarginPct() + "; reject it instead");
    }
    Instant now = clock.instant();
    LeaderCandidate approved = transition(candidate, CandidateStatus.APPROVED, reason, admin, now);
    competitions.save(competition.withLeader(approved.minerHotkey(), approved.avgReward(), approved.id(), now));
    return approved;
  }

  @Transactional
  public LeaderCandidate reject(long id, String reason, Principal admin) {
    LeaderCandidate candidate = lock(id);
    if (candidate.status() != CandidateStatus.PENDING) {
      throw alreadyReviewed(candidate);
    }
    return transition(candidate, CandidateStatus.REJECTED, reason, admin, clock.instant());
  }

  /**
   * Approved → pending. If it was the current leader, the leader falls back to the most recently
   * reviewed other approved candidate of the competition, or is cleared.
   */
  @Transactional
  public LeaderCandidate unapprove(long id, String reason, Principal admin) {
    LeaderCandidate candidate = lock(id);
    if (candidate.status() != CandidateStatus.APPROVED) {
      throw new KinitroException(ErrorCode.CANDIDATE_NOT_APPROVED, "Candidate " + id + " is " + wire(candidate.status()) + ", not approved");
    }
    Competition competition = competitions.lockById(candidate.competitionId()).orElseThrow();
    Instant now = clock.instant();
    LeaderCandidate pending = transition(candidate, CandidateStatus.PENDING, reason, admin, now);
    if (competition.currentLeaderCandidateId() != null && competition.currentLeaderCandidateId() == id) {
      Optional<LeaderCandidate> fallback = candidates.findLatestApprovedOther(competition.id(), id);
      competitions.save(fallback
          .map(f -> competition.withLeader(f.minerHotkey(), f.avgReward(), f.id(), now))
          .orElseGet(() -> competition.withLeader(null, null, null, now)));
    }
    return pending;
  }

  public Page<LeaderCandidate> list(Long competitionId, CandidateStatus status, String minerHotkey, Paging paging) {
    return Filters.where().eq("competitionId", competitionId).eq("status", status).eq("minerHotkey", minerHotkey)
        .page(template, LeaderCandidate.class, Sort.by(Sort.Direction.DESC, "createdAt", "id"), paging);
  }

  public LeaderCandidate get(long id) {
    return candidates.findById(id).orElseThrow(() -> notFound(id));
  }

  public List<LeaderCandidateReview> reviewsOf(long id) {
    return reviews.findByCandidate(id);
  }

  private LeaderCandidate transition(LeaderCandidate candidate, CandidateStatus to, String reason, Principal admin, Instant now) {
    String cleanReason = TextLimits.optionalText(reason, "reason", TextLimits.REASON);
    LeaderCandidate updated = candidates.save(candidate.reviewed(to, cleanReason, admin.apiKeyId(), now));
    reviews.insert(new LeaderCandidateReview(ids.next(), candidate.id(), candidate.status(), to, cleanReason, admin.apiKeyId(), admin.name(), now));
    events.publishEvent(new LeaderCandidateEvent(candidate.id(), candidate.competitionId(), candidate.minerHotkey(), to, cleanReason, true, now));
    return updated;
  }

  private LeaderCandidate lock(long id) {
    return candidates.lockById(id).orElseThrow(() -> notFound(id));
  }

  private static KinitroException alreadyReviewed(LeaderCandidate c) {
    return new KinitroException(ErrorCode.CANDIDATE_ALREADY_REVIEWED, "Candidate " + c.id() + " is already " + wire(c.status()));
  }

  private static KinitroException notFound(long id) {
    return new KinitroException(ErrorCode.NOT_FOUND, "No leader candidate with id " + id);
  }

  static String wire(CandidateStatus status) {
    return status.name().toLowerCase(java.util.Locale.ROOT);
  }
}
