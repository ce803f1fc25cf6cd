package ai.kinitro.backend.metagraph;

import java.util.List;
import java.util.Optional;

/**
 * The port through which the backend sees the subnet's metagraph. The default implementation
 * ({@link DatabaseMetagraphSource}) reads the {@code metagraph_neurons} table, seeded from
 * configuration; the chain monitor provides a chain-backed bean marked {@code @Primary},
 * which then wins wherever a {@code MetagraphSource} is injected.
 */
public interface MetagraphSource {
  /** Every registered neuron, by uid. */
  List<Neuron> neurons();

  default Optional<Neuron> byHotkey(String hotkey) {
    return neurons().stream().filter(n -> n.hotkey().equals(hotkey)).findFirst();
  }

  default Optional<Neuron> byUid(int uid) {
    return neurons().stream().filter(n -> n.uid() == uid).findFirst();
  }
}
