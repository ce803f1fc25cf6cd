package ai.kinitro.devchain.runtime;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.devchain.genesis.SubnetParams;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * An immutable copy of the subnet at the end of one block, kept with that block so runtime APIs
 * ({@code state_call}) can answer at any recent block.
 *
 * @param netuid the subnet id
 * @param params its hyperparameters
 * @param ownerColdkey {@code SubnetOwner}
 * @param ownerHotkey {@code SubnetOwnerHotkey}
 * @param epochIndex epochs run so far ({@code SubnetEpochIndex})
 * @param lastEpochBlock the block the last epoch ran in (0 before the first)
 * @param neurons by uid
 * @param commitments {@code CommitmentOf} by hotkey, in insertion order
 */
public record SubnetView(
    int netuid,
    SubnetParams params,
    AccountId ownerColdkey,
    AccountId ownerHotkey,
    long epochIndex,
    long lastEpochBlock,
    List<Neuron> neurons,
    Map<AccountId, CommitmentRegistration> commitments) {

  public SubnetView {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(ownerColdkey, "ownerColdkey");
    Objects.requireNonNull(ownerHotkey, "ownerHotkey");
    neurons = List.copyOf(neurons);
    commitments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(commitments));
  }

  public OptionalInt uidOf(AccountId hotkey) {
    return IntStream.range(0, neurons.size()).filter(uid -> neurons.get(uid).hotkey().equals(hotkey)).findFirst();
  }

  public Optional<Neuron> neuron(int uid) {
    return uid >= 0 && uid < neurons.size() ? Optional.of(neurons.get(uid)) : Optional.empty();
  }
}
