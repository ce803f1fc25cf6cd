package ai.kinitro.devchain.runtime;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.devchain.genesis.Genesis;
import ai.kinitro.devchain.genesis.GenesisNeuron;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the dev chain's runtime keeps: the head block number, account nonces, the subnet and
 * the events of the block being built. Mutable and confined to the node's lock.
 */
public final class ChainState {
  private long blockNumber;
  private final Map<AccountId, Long> nonces = new LinkedHashMap<>();
  private final SubnetState subnet;
  private final List<EventRecord> events = new ArrayList<>();

  public ChainState(long blockNumber, SubnetState subnet) {
    this.blockNumber = blockNumber;
    this.subnet = Objects.requireNonNull(subnet, "subnet");
  }

  /** Block 0's state: the genesis subnet and neurons, every neuron registered at block 0. */
  public static ChainState fromGenesis(Genesis genesis) {
    SubnetState subnet = new SubnetState(genesis.netuid(), genesis.params(), genesis.ownerColdkey().account(),
        genesis.ownerHotkey().account());
    for (GenesisNeuron n : genesis.neurons()) {
      subnet.appendNeuron(Neuron.registered(n.hotkey().account(), n.coldkey().account(), n.stake(), 0)
          .withValidatorPermit(n.validatorPermit()));
    }
    return new ChainState(0, subnet);
  }

  public long blockNumber() {
    return blockNumber;
  }

  public void setBlockNumber(long number) {
    blockNumber = number;
  }

  public SubnetState subnet() {
    return subnet;
  }

  /** The account's next nonce ({@code System.Account(who).nonce}). */
  public long nonce(AccountId who) {
    return nonces.getOrDefault(who, 0L);
  }

  public void setNonce(AccountId who, long nonce) {
    nonces.put(who, nonce);
  }

  public Map<AccountId, Long> nonces() {
    return Collections.unmodifiableMap(nonces);
  }

  public List<EventRecord> events() {
    return Collections.unmodifiableList(events);
  }

  public void clearEvents() {
    events.clear();
  }

  public void deposit(EventRecord record) {
    events.add(record);
  }
}
