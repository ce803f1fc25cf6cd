package ai.kinitro.backend.weights;

import ai.kinitro.backend.persistence.InsertRepository;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Weights snapshots, newest first. */
public interface WeightSnapshotRepository extends Repository<WeightSnapshot, Long>, InsertRepository<WeightSnapshot> {
  @Query("SELECT * FROM weight_snapshots ORDER BY computed_at DESC, id DESC LIMIT 1")
  Optional<WeightSnapshot> findLatest();
}
