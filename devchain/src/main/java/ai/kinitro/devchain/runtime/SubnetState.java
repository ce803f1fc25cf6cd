package ai.kinitro.devchain.runtime;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.devchain.genesis.SubnetParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The live, mutable state of the dev chain's one subnet. Only the runtime changes it, on the
 * node's thread; {@link #snapshot()} gives an immutable copy per block.
 */
public final class SubnetState {
  private final int netuid;
  private SubnetParams params;
  private final AccountId ownerColdkey;
  private final AccountId ownerHotkey;
  private long epochIndex;
  private long lastEpochBlock;
  private final List<Neuron> neurons = new ArrayList<>();
  private final Map<AccountId, CommitmentRegistration> commitments = new LinkedHashMap<>();
  private final Map<AccountId, UsedSpace> usedSpace = new LinkedHashMap<>();
  private final Map<AccountId, List<WeightCommit>> weightCommits = new LinkedHashMap<>();

  public SubnetState(int netuid, SubnetParams params, AccountId ownerColdkey, AccountId ownerHotkey) {
    this.netuid = netuid;
    this.params = Objects.requireNonNull(params, "params");
    this.ownerColdkey = Objects.requireNonNull(ownerColdkey, "ownerColdkey");
    this.ownerHotkey = Objects.requireNonNull(ownerHotkey, "ownerHotkey");
  }

  public int netuid() {
    return netuid;
  }

  public SubnetParams params() {
    return params;
  }

  public void setParams(SubnetParams newParams) {
    params = Objects.requireNonNull(newParams, "newParams");
  }

  public AccountId ownerColdkey() {
    return ownerColdkey;
  }

  public AccountId ownerHotkey() {
    return ownerHotkey;
  }

  public long epochIndex() {
    return epochIndex;
  }

  public long lastEpochBlock() {
    return lastEpochBlock;
  }

  public void setEpoch(long index, long block) {
    epochIndex = index;
    lastEpochBlock = block;
  }

  /** The neurons by uid (a read-only view). */
  public List<Neuron> neurons() {
    return Collections.unmodifiableList(neurons);
  }

  public int size() {
    return neurons.size();
  }

  public Neuron neuron(int uid) {
    return neurons.get(uid);
  }

  public void setNeuron(int uid, Neuron neuron) {
    neurons.set(uid, Objects.requireNonNull(neuron, "neuron"));
  }

  public int appendNeuron(Neuron neuron) {
    neurons.add(Objects.requireNonNull(neuron, "neuron"));
    return neurons.size() - 1;
  }

  public OptionalInt uidOf(AccountId hotkey) {
    for (int uid = 0; uid < neurons.size(); uid++) {
      if (neurons.get(uid).hotkey().equals(hotkey)) {
        return OptionalInt.of(uid);
      }
    }
    return OptionalInt.empty();
  }

  /** The uid of the owner's hotkey, if it is registered ({@code get_owner_uid}). */
  public OptionalInt ownerUid() {
    return uidOf(ownerHotkey);
  }

  public Map<AccountId, CommitmentRegistration> commitments() {
    return Collections.unmodifiableMap(commitments);
  }

  public void putCommitment(AccountId who, CommitmentRegistration registration) {
    commitments.put(who, registration);
  }

  public Map<AccountId, UsedSpace> usedSpace() {
    return Collections.unmodifiableMap(usedSpace);
  }

  public Optional<UsedSpace> usedSpace(AccountId who) {
    return Optional.ofNullable(usedSpace.get(who));
  }

  public void putUsedSpace(AccountId who, UsedSpace used) {
    usedSpace.put(who, used);
  }

  public Map<AccountId, List<WeightCommit>> weightCommits() {
    return Collections.unmodifiableMap(weightCommits);
  }

  /** The hotkey's unrevealed v2 commits, oldest first (empty when there are none). */
  public List<WeightCommit> weightCommits(AccountId who) {
    return weightCommits.getOrDefault(who, List.of());
  }

  /** Replaces the hotkey's commit queue; an empty queue removes the entry, as the chain does. */
  public void setWeightCommits(AccountId who, List<WeightCommit> commits) {
    if (commits.isEmpty()) {
      weightCommits.remove(who);
    } else {
      weightCommits.put(who, List.copyOf(commits));
    }
  }

  public SubnetView snapshot() {
    return new SubnetView(netuid, params, ownerColdkey, ownerHotkey, epochIndex, lastEpochBlock, neurons, commitments);
  }
}
