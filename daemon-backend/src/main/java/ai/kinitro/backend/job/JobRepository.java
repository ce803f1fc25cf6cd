package ai.kinitro.backend.job;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Jobs. */
public interface JobRepository extends ListCrudRepository<Job, Long>, InsertRepository<Job> {
  @Query("SELECT * FROM jobs WHERE submission_id = :submissionId ORDER BY id")
  List<Job> findBySubmission(long submissionId);
}
