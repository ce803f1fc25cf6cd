package ai.kinitro.backend.chain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chain that never changes: the neurons from configuration and no commitments. Used when no
 * chain client is configured (a backend that only serves the API); submissions then never arrive.
 */
public final class StaticSubnetChain implements SubnetChain {
  private final int netuid;
  private final List<Neuron> neurons;

  public StaticSubnetChain(int netuid, List<Neuron> neurons) {
    this.netuid = netuid;
    this.neurons = List.copyOf(Objects.requireNonNull(neurons, "neurons"));
  }

  @Override
  public int netuid() {
    return netuid;
  }

  @Override
  public List<Neuron> neurons() {
    return neurons;
  }

  @Override
  public CommitmentSnapshot commitments() {
    return new CommitmentSnapshot(0, Map.of());
  }
}
