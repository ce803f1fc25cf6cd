package ai.kinitro.backend.metagraph;

import ai.kinitro.backend.persistence.InsertRepository;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The cached metagraph. */
public interface MetagraphNeuronRepository extends Repository<MetagraphNeuron, Integer>, InsertRepository<MetagraphNeuron> {
  @Query("SELECT * FROM metagraph_neurons ORDER BY uid")
  List<MetagraphNeuron> findAllByUid();

  Optional<MetagraphNeuron> findByHotkey(String hotkey);

  /**
   * Inserts one row with its uid as given. {@code insert(entity)} cannot be used: Spring Data JDBC
   * treats a primitive id of 0 as "not set" and would write NULL for uid 0 (the subnet owner's uid).
   */
  @Modifying
  @Query("INSERT INTO metagraph_neurons (uid, hotkey, validator_permit, stake, updated_at)"
      + " VALUES (:uid, :hotkey, :validatorPermit, :stake, :updatedAt)")
  void insertWithUid(int uid, String hotkey, boolean validatorPermit, Double stake, OffsetDateTime updatedAt);

  @Modifying
  @Query("DELETE FROM metagraph_neurons")
  void deleteEverything();
}
