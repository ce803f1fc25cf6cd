package ai.kinitro.desktop.api;

import ai.kinitro.common.protocol.realtime.CandidateStatus;
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

  List<ApiKeyInfo> apiKeys();

  /** Creates a key; the answer carries its secret, once. */
  ApiKeyInfo createApiKey(String name, String role, String description);

  ApiKeyInfo deactivateApiKey(String id);
}
