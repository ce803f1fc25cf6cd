package ai.kinitro.backend.competition;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Competitions; {@link #insert} for new rows, {@code save} for updates. */
public interface CompetitionRepository extends ListCrudRepository<Competition, Long>, InsertRepository<Competition> {
  Optional<Competition> findByName(String name);

  /** Active competitions in award order: creation time, then id. */
  @Query("SELECT * FROM competitions WHERE active ORDER BY created_at, id")
  List<Competition> findActiveInAwardOrder();

  /** Row lock for leader changes, so concurrent reviews of one competition are serialised. */
  @Query("SELECT * FROM competitions WHERE id = :id FOR UPDATE")
  Optional<Competition> lockById(long id);

  @Query("SELECT * FROM competitions ORDER BY created_at, id")
  List<Competition> findAllInCreationOrder();
}
