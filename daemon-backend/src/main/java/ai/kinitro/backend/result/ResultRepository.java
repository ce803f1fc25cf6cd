package ai.kinitro.backend.result;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Results: at most one per assignment, idempotent by message id. */
public interface ResultRepository extends ListCrudRepository<Result, Long>, InsertRepository<Result> {
  Optional<Result> findByMessageId(UUID messageId);

  Optional<Result> findByAssignmentId(long assignmentId);

  /** Results of a competition's current jobs (jobs not superseded by a rerun), for scoring. */
  @Query("""
      SELECT r.* FROM results r JOIN jobs j ON j.id = r.job_id
      WHERE r.competition_id = :competitionId AND NOT EXISTS (SELECT 1 FROM jobs x WHERE x.rerun_of = j.id)
      ORDER BY r.submission_id, r.validator_hotkey, r.id""")
  List<Result> findForCurrentJobs(long competitionId);

  /** Completed results of a competition, for scoring. */
  @Query("SELECT * FROM results WHERE competition_id = :competitionId AND status = 'COMPLETED' ORDER BY submission_id, validator_hotkey, id")
  List<Result> findCompletedByCompetition(long competitionId);
}
