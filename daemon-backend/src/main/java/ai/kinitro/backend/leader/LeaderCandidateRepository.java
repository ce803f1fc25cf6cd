package ai.kinitro.backend.leader;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Leader candidates. */
public interface LeaderCandidateRepository extends ListCrudRepository<LeaderCandidate, Long>, InsertRepository<LeaderCandidate> {
  @Query("SELECT * FROM leader_candidates WHERE competition_id = :competitionId AND submission_id = :submissionId")
  Optional<LeaderCandidate> findBySubmission(long competitionId, long submissionId);

  @Query("SELECT * FROM leader_candidates WHERE competition_id = :competitionId ORDER BY id")
  List<LeaderCandidate> findByCompetition(long competitionId);

  /** The most recently reviewed approved candidate of a competition other than {@code excludeId}. */
  @Query("""
      SELECT * FROM leader_candidates WHERE competition_id = :competitionId AND status = 'approved' AND id <> :excludeId
      ORDER BY reviewed_at DESC, id DESC LIMIT 1""")
  Optional<LeaderCandidate> findLatestApprovedOther(long competitionId, long excludeId);

  /** Row lock for a review, so two admins cannot review the same candidate at once. */
  @Query("SELECT * FROM leader_candidates WHERE id = :id FOR UPDATE")
  Optional<LeaderCandidate> lockById(long id);
}
