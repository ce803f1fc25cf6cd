package ai.kinitro.backend.metagraph;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;

/**
 * Default {@link MetagraphSource}: the {@code metagraph_neurons} table. {@link #replace} rewrites it
 * (used for configured neurons at start-up, by tests, and by anything that syncs the chain).
 */
public class DatabaseMetagraphSource implements MetagraphSource {
  private final MetagraphNeuronRepository neurons;
  private final Clock clock;

  public DatabaseMetagraphSource(MetagraphNeuronRepository neurons, Clock clock) {
    this.neurons = neurons;
    this.clock = clock;
  }

  @Override
  public List<Neuron> neurons() {
    return neurons.findAllByUid().stream().map(n -> new Neuron(n.uid(), n.hotkey(), n.validatorPermit())).toList();
  }

  /** Replaces the whole table with {@code entries}. */
  @Transactional
  public void replace(List<Neuron> entries) {
    neurons.deleteEverything();
    for (Neuron n : entries) {
      neurons.insertWithUid(n.uid(), n.hotkey(), n.validatorPermit(), null, clock.instant().atOffset(ZoneOffset.UTC));
    }
  }
}
