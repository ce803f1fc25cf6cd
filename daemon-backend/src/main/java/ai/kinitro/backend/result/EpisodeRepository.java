package ai.kinitro.backend.result;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Episode summaries. */
public interface EpisodeRepository extends ListCrudRepository<Episode, Long>, InsertRepository<Episode> {
  @Query("""
      SELECT * FROM episodes
      WHERE job_id = :jobId AND validator_hotkey = :validatorHotkey AND task_id = :taskId AND episode_index = :episodeIndex""")
  Optional<Episode> findByNaturalKey(long jobId, String validatorHotkey, String taskId, int episodeIndex);
}
