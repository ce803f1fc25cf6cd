package ai.kinitro.devchain.genesis;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dev chain's starting state. The schema is documented in {@code docs/devchain.md}; {@link
 * GenesisParser} reads it.
 *
 * @param chainName what {@code system_chain} answers
 * @param netuid the one subnet the chain hosts (not 0, the root network)
 * @param blockTime the block time this genesis asks for; the command line can override it
 * @param params the subnet's hyperparameters
 * @param ownerColdkey the subnet owner ({@code SubnetOwner}): signs owner-level AdminUtils calls
 * @param ownerHotkey the owner's hotkey ({@code SubnetOwnerHotkey})
 * @param neurons the neurons, uid = position
 */
public record Genesis(
    String chainName,
    int netuid,
    Optional<Duration> blockTime,
    SubnetParams params,
    KeyRef ownerColdkey,
    KeyRef ownerHotkey,
    List<GenesisNeuron> neurons) {

  public static final String DEFAULT_CHAIN_NAME = "Kinitro Dev Chain";

  public Genesis {
    Objects.requireNonNull(chainName, "chainName");
    Objects.requireNonNull(blockTime, "blockTime");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(ownerColdkey, "ownerColdkey");
    Objects.requireNonNull(ownerHotkey, "ownerHotkey");
    neurons = List.copyOf(neurons);
    if (netuid < 1 || netuid > 0xFFFF) {
      throw invalid("netuid " + netuid + " must be between 1 and 65535 (0 is the root network, which has no weights)");
    }
    if (neurons.size() > params.maxAllowedUids()) {
      throw invalid(neurons.size() + " neurons do not fit maxAllowedUids " + params.maxAllowedUids());
    }
    Set<AccountId> hotkeys = new HashSet<>();
    for (GenesisNeuron neuron : neurons) {
      if (!hotkeys.add(neuron.hotkey().account())) {
        throw invalid("hotkey " + neuron.hotkey().label() + " is registered twice; each hotkey holds one uid");
      }
    }
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.DEVCHAIN_GENESIS_INVALID, message);
  }
}
