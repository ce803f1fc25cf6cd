package ai.kinitro.backend.chain;

import ai.kinitro.backend.metagraph.MetagraphSource;
import ai.kinitro.backend.metagraph.Neuron;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The metagraph as the chain has it (through {@link SubnetMembership}'s cached snapshot), for the
 * score cycle and statistics when {@code kinitro.chain.endpoint} is set: uids, hotkeys and validator
 * permits then come from the same source as the upload and validator checks.
 */
public final class ChainMetagraphSource implements MetagraphSource {
  private final SubnetMembership membership;

  public ChainMetagraphSource(SubnetMembership membership) {
    this.membership = Objects.requireNonNull(membership, "membership");
  }

  @Override
  public List<Neuron> neurons() {
    return membership.neurons().stream()
        .map(n -> new Neuron(n.uid(), n.hotkey(), n.validatorPermit()))
        .sorted(Comparator.comparingInt(Neuron::uid))
        .toList();
  }
}
