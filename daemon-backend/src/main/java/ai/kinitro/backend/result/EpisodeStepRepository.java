package ai.kinitro.backend.result;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Logged steps. */
public interface EpisodeStepRepository extends ListCrudRepository<EpisodeStep, Long>, InsertRepository<EpisodeStep> {
  @Query("SELECT * FROM episode_steps WHERE episode_id = :episodeId ORDER BY step")
  List<EpisodeStep> findByEpisode(long episodeId);
}
