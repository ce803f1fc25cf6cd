package ai.kinitro.desktop.api;

import ai.kinitro.common.protocol.realtime.CandidateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The admin API (needs an admin API key on the connection profile). Refusals keep the backend's
 * error code, e.g. {@code CANDIDATE_ALREADY_REVIEWED} or {@code INVALID_BENCHMARK_SPEC}.
 */
public interface AdminApi extends PublicApi {
  List<LeaderCandidate> leaderCandidates(Optional<CandidateStatus> status);

  /** One candidate with its review audit trail. */
  LeaderCandidate leaderCandidate(String id);

  LeaderCandidate approve(String candidateId, String note);

  LeaderCandidate reject(String candidateId, String note);

  LeaderCandidate unapprove(String candidateId, String note);

  CompetitionInfo createCompetition(CompetitionDraft draft);

  CompetitionInfo updateCompetition(String id, CompetitionDraft draft);

  CompetitionInfo setCompetitionActive(String id, boolean active);

  /**
   * Every job (newest first), page after page, up to {@code max}: for counts across all of them
   * ({@code GET /jobs} filters by competition, submission, miner and benchmark only, not by status or
   * validator).
   */
  List<JobInfo> allJobs(int max);

  List<ApiKeyInfo> apiKeys();

  /** Creates a key; the answer carries its secret, once. */
  default ApiKeyInfo createApiKey(String name, String role, String description) {
    return createApiKey(name, role, description, Optional.empty(), Optional.empty());
  }

  /**
   * Creates a key, optionally bound to a validator hotkey (a validator key then authenticates only
   * that validator) and expiring at {@code expiresAt}; the answer carries its secret, once.
   */
  ApiKeyInfo createApiKey(String name, String role, String description, Optional<String> associatedHotkey,
      Optional<Instant> expiresAt);

  ApiKeyInfo activateApiKey(String id);

  ApiKeyInfo deactivateApiKey(String id);
}
