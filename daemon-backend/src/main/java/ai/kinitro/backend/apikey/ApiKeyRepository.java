package ai.kinitro.backend.apikey;

import ai.kinitro.backend.persistence.InsertRepository;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** API keys, looked up by the SHA-256 of the presented secret. */
public interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long>, InsertRepository<ApiKey> {
  Optional<ApiKey> findByKeyHash(String keyHash);

  /**
   * Records a use, but at most once per {@code coarseness}: the row is written only when the
   * stored value is older than {@code threshold} (callers pass {@code now - 1 minute}).
   *
   * @return 1 if the row was written
   */
  @Modifying
  @Query("UPDATE api_keys SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :threshold)")
  int touch(long id, Instant now, Instant threshold);

  /** Active keys with a role given by its wire name ({@code admin}, ...). */
  @Query("SELECT count(*) FROM api_keys WHERE role = :role AND active")
  long countActiveWithRole(String role);
}
