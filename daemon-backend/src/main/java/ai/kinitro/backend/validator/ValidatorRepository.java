package ai.kinitro.backend.validator;

import ai.kinitro.backend.persistence.InsertRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Validators by hotkey. */
public interface ValidatorRepository extends ListCrudRepository<Validator, String>, InsertRepository<Validator> {
  @Query("SELECT * FROM validators WHERE connected ORDER BY hotkey")
  List<Validator> findConnected();

  /** Records a heartbeat without touching anything else (off the ingest path). */
  @Modifying
  @Query("UPDATE validators SET last_heartbeat_at = :at, updated_at = :at WHERE hotkey = :hotkey")
  int heartbeat(String hotkey, Instant at);

  @Modifying
  @Query("UPDATE validators SET total_jobs_sent = total_jobs_sent + :delta, updated_at = :at WHERE hotkey = :hotkey")
  int addJobsSent(String hotkey, long delta, Instant at);

  @Modifying
  @Query("UPDATE validators SET total_results_received = total_results_received + :delta, updated_at = :at WHERE hotkey = :hotkey")
  int addResultsReceived(String hotkey, long delta, Instant at);

  @Modifying
  @Query("UPDATE validators SET total_errors = total_errors + :delta, updated_at = :at WHERE hotkey = :hotkey")
  int addErrors(String hotkey, long delta, Instant at);

  @Query("SELECT count(*) FROM validators WHERE connected")
  long countConnected();
}
