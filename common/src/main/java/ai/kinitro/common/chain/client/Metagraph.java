package ai.kinitro.common.chain.client;

import ai.kinitro.common.chain.AccountId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A subnet's neurons at one block.
 *
 * @param netuid the subnet
 * @param block where it was read
 * @param source whether the runtime API or raw storage answered
 * @param neurons by uid, in uid order
 */
public record Metagraph(int netuid, BlockId block, Source source, List<Neuron> neurons) {
  public Metagraph {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(source, "source");
    neurons = List.copyOf(neurons);
  }

  public Optional<Neuron> byHotkey(AccountId hotkey) {
    return neurons.stream().filter(n -> n.hotkey().equals(hotkey)).findFirst();
  }

  /** Where the data came from. */
  public enum Source {
    /** {@code SubnetInfoRuntimeApi_get_selective_metagraph}. */
    RUNTIME_API,
    /** Raw storage reads (the runtime API is missing). */
    STORAGE
  }
}
