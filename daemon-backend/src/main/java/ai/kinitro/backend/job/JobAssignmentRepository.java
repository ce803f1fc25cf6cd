package ai.kinitro.backend.job;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Job assignments (one per job and validator). */
public interface JobAssignmentRepository extends ListCrudRepository<JobAssignment, Long>, InsertRepository<JobAssignment> {
  @Query("SELECT * FROM job_assignments WHERE job_id = :jobId ORDER BY validator_hotkey")
  List<JobAssignment> findByJob(long jobId);

  @Query("SELECT * FROM job_assignments WHERE job_id = :jobId AND validator_hotkey = :validatorHotkey")
  Optional<JobAssignment> findByJobAndValidator(long jobId, String validatorHotkey);

  /** Open (not terminal) assignments of a validator, oldest first: what to (re)deliver on connect. */
  @Query("""
      SELECT * FROM job_assignments
      WHERE validator_hotkey = :validatorHotkey AND status IN ('QUEUED', 'DELIVERED', 'STARTING', 'RUNNING')
      ORDER BY created_at, id""")
  List<JobAssignment> findOpenByValidator(String validatorHotkey);

  /** Assignments of all jobs of a submission. */
  @Query("""
      SELECT a.* FROM job_assignments a JOIN jobs j ON j.id = a.job_id
      WHERE j.submission_id = :submissionId ORDER BY a.job_id, a.validator_hotkey""")
  List<JobAssignment> findBySubmission(long submissionId);
}
