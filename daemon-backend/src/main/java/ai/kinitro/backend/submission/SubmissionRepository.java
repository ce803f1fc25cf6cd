package ai.kinitro.backend.submission;

import ai.kinitro.backend.persistence.InsertRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Submissions. */
public interface SubmissionRepository extends ListCrudRepository<Submission, Long>, InsertRepository<Submission> {
  /** Submissions whose hold-out ended and that were not released yet, oldest first. */
  @Query("SELECT * FROM submissions WHERE released_at IS NULL AND holdout_release_at <= :now ORDER BY holdout_release_at, id LIMIT :limit")
  List<Submission> findDueForRelease(Instant now, int limit);

  /** Released submissions whose public URL expires before {@code before} (to renew it). */
  @Query("SELECT * FROM submissions WHERE release_url_expires_at IS NOT NULL AND release_url_expires_at < :before ORDER BY release_url_expires_at, id LIMIT :limit")
  List<Submission> findReleaseUrlsExpiringBefore(Instant before, int limit);

  boolean existsByMinerHotkeyAndCompetitionIdAndVersion(String minerHotkey, long competitionId, String version);
}
