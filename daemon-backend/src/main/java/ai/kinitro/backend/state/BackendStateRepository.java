package ai.kinitro.backend.state;

import java.time.Instant;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Reads and advances the singleton {@link BackendState} (the row is created by the migration). */
public interface BackendStateRepository extends Repository<BackendState, Short> {
  @Query("SELECT * FROM backend_state WHERE id = 1")
  BackendState get();

  @Modifying
  @Query("UPDATE backend_state SET last_seen_block = :block, last_chain_scan = :at, updated_at = :at WHERE id = 1")
  void recordScan(long block, Instant at);
}
