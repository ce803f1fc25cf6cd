package ai.kinitro.backend.leader;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Append-only review audit. */
public interface LeaderCandidateReviewRepository extends Repository<LeaderCandidateReview, Long>, InsertRepository<LeaderCandidateReview> {
  @Query("SELECT * FROM leader_candidate_reviews WHERE candidate_id = :candidateId ORDER BY created_at, id")
  List<LeaderCandidateReview> findByCandidate(long candidateId);
}
