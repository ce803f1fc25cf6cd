package ai.kinitro.backend.metagraph;

import ai.kinitro.backend.persistence.InsertRepository;
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

  @Modifying
  @Query("DELETE FROM metagraph_neurons")
  void deleteEverything();
}
