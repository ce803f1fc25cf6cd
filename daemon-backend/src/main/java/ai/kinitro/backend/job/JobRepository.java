package ai.kinitro.backend.job;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Jobs. */
public interface JobRepository extends ListCrudRepository<Job, Long>, InsertRepository<Job> {
  /** Current jobs (not superseded by a rerun) of a competition. */
  @Query("SELECT * FROM jobs j WHERE j.competition_id = :competitionId AND NOT EXISTS (SELECT 1 FROM jobs x WHERE x.rerun_of = j.id) ORDER BY j.submission_id, j.id")
  List<Job> findCurrentByCompetition(long competitionId);

  @Query("SELECT * FROM jobs WHERE submission_id = :submissionId ORDER BY id")
  List<Job> findBySubmission(long submissionId);
}
