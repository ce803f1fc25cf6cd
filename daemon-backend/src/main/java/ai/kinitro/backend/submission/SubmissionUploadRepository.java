package ai.kinitro.backend.submission;

import ai.kinitro.backend.persistence.InsertRepository;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Miner uploads. */
public interface SubmissionUploadRepository extends ListCrudRepository<SubmissionUpload, Long>, InsertRepository<SubmissionUpload> {
  /** The live upload (PENDING, UPLOADED or PROCESSED) holding this version, if any. */
  @Query("""
      SELECT * FROM submission_uploads
      WHERE miner_hotkey = :minerHotkey AND competition_id = :competitionId AND version = :version
        AND status IN ('PENDING', 'UPLOADED', 'PROCESSED')""")
  Optional<SubmissionUpload> findLiveVersion(String minerHotkey, long competitionId, String version);

  /**
   * Uploads counted by the rate window: created at or after {@code since} and not EXPIRED or
   * REJECTED (an abandoned upload does not use up the miner's allowance).
   */
  @Query("""
      SELECT count(*) FROM submission_uploads
      WHERE miner_hotkey = :minerHotkey AND competition_id = :competitionId AND created_at >= :since
        AND status IN ('PENDING', 'UPLOADED', 'PROCESSED')""")
  long countInWindow(String minerHotkey, long competitionId, Instant since);

  /** Marks PENDING/UPLOADED uploads whose deadline passed as EXPIRED; returns how many. */
  @Modifying
  @Query("""
      UPDATE submission_uploads SET status = 'EXPIRED', status_detail = 'Upload window expired', updated_at = :now
      WHERE status IN ('PENDING', 'UPLOADED') AND expires_at <= :now""")
  int expireDue(Instant now);
}
