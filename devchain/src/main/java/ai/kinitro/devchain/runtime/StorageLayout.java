package ai.kinitro.devchain.runtime;

import static ai.kinitro.common.chain.StorageHasher.BLAKE2_128_CONCAT;
import static ai.kinitro.common.chain.StorageHasher.IDENTITY;
import static ai.kinitro.common.chain.StorageHasher.TWOX_64_CONCAT;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.common.chain.StorageKey;
import ai.kinitro.common.scale.ScaleWriter;
import ai.kinitro.devchain.genesis.SubnetParams;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders a {@link ChainState} as subtensor's storage: the real keys (twox128 prefixes, the real
 * hashers) and the real SCALE values (chain.md §1.1-§1.3), so a client reads the dev chain exactly
 * as it reads a node. {@code System.BlockHash} is not rendered here; the node answers it from its
 * block index.
 */
public final class StorageLayout {
  /** {@code AccountData.flags}' default: {@code IS_NEW_LOGIC}, bit 127. */
  private static final BigInteger NEW_LOGIC_FLAGS = BigInteger.ONE.shiftLeft(127);
  /** The CR version subtensor's storage default names (v4 timelock); the dev chain implements v2 only. */
  private static final int COMMIT_REVEAL_WEIGHTS_VERSION = 4;

  private StorageLayout() {}

  /** The key of {@code System.BlockHash(number)}. */
  public static byte[] blockHashKey(long number) {
    return StorageKey.builder("System", "BlockHash").key(TWOX_64_CONCAT, u32(number)).build().bytes();
  }

  /** The prefix shared by every {@code System.BlockHash} key. */
  public static byte[] blockHashPrefix() {
    return StorageKey.plain("System", "BlockHash").bytes();
  }

  /** The key of {@code System.Account(who)}. */
  public static byte[] accountKey(AccountId who) {
    return StorageKey.builder("System", "Account").accountKey(BLAKE2_128_CONCAT, who).build().bytes();
  }

  /** Every item of {@code state} at the end of block {@code state.blockNumber()}. */
  public static Storage render(ChainState state, byte[] parentHash) {
    Storage.Builder s = Storage.builder();
    system(s, state, parentHash);
    subtensor(s, state.subnet());
    commitments(s, state.subnet());
    return s.build();
  }

  private static void system(Storage.Builder s, ChainState state, byte[] parentHash) {
    s.put(StorageKey.plain("System", "Number").bytes(), u32(state.blockNumber()));
    s.put(StorageKey.plain("System", "ParentHash").bytes(), parentHash);
    s.put(StorageKey.plain("System", "Events").bytes(), EventRecord.encodeAll(state.events()));
    s.put(StorageKey.plain("System", "EventCount").bytes(), u32(state.events().size()));
    for (Map.Entry<AccountId, Long> e : state.nonces().entrySet()) {
      // AccountInfo { nonce, consumers, providers, sufficients, data: AccountData { free, reserved, frozen, flags } }
      s.put(accountKey(e.getKey()), encode(w -> w.u32(e.getValue()).u32(0).u32(0).u32(0)
          .u64(0).u64(0).u64(0).u128(NEW_LOGIC_FLAGS)));
    }
  }

  private static void subtensor(Storage.Builder s, SubnetState subnet) {
    int netuid = subnet.netuid();
    SubnetParams p = subnet.params();
    List<Neuron> neurons = subnet.neurons();
    put(s, "SubtensorModule", "NetworksAdded", netuid, encode(w -> w.bool(true)));
    put(s, "SubtensorModule", "SubnetworkN", netuid, encode(w -> w.u16(neurons.size())));
    put(s, "SubtensorModule", "Tempo", netuid, encode(w -> w.u16(p.tempo())));
    put(s, "SubtensorModule", "WeightsSetRateLimit", netuid, encode(w -> w.u64(p.weightsSetRateLimit())));
    put(s, "SubtensorModule", "CommitRevealWeightsEnabled", netuid, encode(w -> w.bool(p.commitRevealEnabled())));
    s.put(StorageKey.builder("SubtensorModule", "RevealPeriodEpochs").u16Key(TWOX_64_CONCAT, netuid).build().bytes(),
        encode(w -> w.u64(p.revealPeriodEpochs())));
    put(s, "SubtensorModule", "WeightsVersionKey", netuid, encode(w -> w.u64(p.weightsVersionKey())));
    put(s, "SubtensorModule", "MinAllowedWeights", netuid, encode(w -> w.u16(p.minAllowedWeights())));
    put(s, "SubtensorModule", "MaxWeightsLimit", netuid, encode(w -> w.u16(p.maxWeightsLimit())));
    put(s, "SubtensorModule", "MaxAllowedValidators", netuid, encode(w -> w.u16(p.maxAllowedValidators())));
    put(s, "SubtensorModule", "MaxAllowedUids", netuid, encode(w -> w.u16(p.maxAllowedUids())));
    put(s, "SubtensorModule", "ImmunityPeriod", netuid, encode(w -> w.u16(p.immunityPeriod())));
    put(s, "SubtensorModule", "SubnetEpochIndex", netuid, encode(w -> w.u64(subnet.epochIndex())));
    s.put(StorageKey.plain("SubtensorModule", "StakeThreshold").bytes(), encode(w -> w.u64(p.stakeThreshold())));
    s.put(StorageKey.plain("SubtensorModule", "CommitRevealWeightsVersion").bytes(),
        encode(w -> w.u16(COMMIT_REVEAL_WEIGHTS_VERSION)));
    s.put(StorageKey.builder("SubtensorModule", "MechanismCountCurrent").u16Key(TWOX_64_CONCAT, netuid).build().bytes(),
        encode(w -> w.u8(1)));
    put(s, "SubtensorModule", "SubnetOwner", netuid, subnet.ownerColdkey().bytes());
    put(s, "SubtensorModule", "SubnetOwnerHotkey", netuid, subnet.ownerHotkey().bytes());

    put(s, "SubtensorModule", "ValidatorPermit", netuid,
        encode(w -> w.sequence(neurons, (x, n) -> x.bool(n.validatorPermit()))));
    put(s, "SubtensorModule", "Active", netuid, encode(w -> w.sequence(neurons, (x, n) -> x.bool(n.active()))));
    // LastUpdate is keyed by NetUidStorageIndex; mechanism 0's index is the netuid.
    put(s, "SubtensorModule", "LastUpdate", netuid, encode(w -> w.sequence(neurons, (x, n) -> x.u64(n.lastUpdate()))));
    for (int uid = 0; uid < neurons.size(); uid++) {
      Neuron n = neurons.get(uid);
      byte[] uidKey = u16(uid);
      s.put(doubleKey("Keys", netuid, uidKey), n.hotkey().bytes());
      s.put(StorageKey.builder("SubtensorModule", "Uids").u16Key(IDENTITY, netuid)
          .accountKey(BLAKE2_128_CONCAT, n.hotkey()).build().bytes(), uidKey);
      s.put(doubleKey("BlockAtRegistration", netuid, uidKey), encode(w -> w.u64(n.registeredAt())));
      if (!n.weights().isEmpty()) {
        s.put(doubleKey("Weights", netuid, uidKey),
            encode(w -> w.sequence(n.weights(), (x, e) -> x.u16(e.uid()).u16(e.value()))));
      }
      s.put(StorageKey.builder("SubtensorModule", "TotalHotkeyAlpha").accountKey(BLAKE2_128_CONCAT, n.hotkey())
          .u16Key(IDENTITY, netuid).build().bytes(), encode(w -> w.u64(n.stake())));
      s.put(StorageKey.builder("SubtensorModule", "Owner").accountKey(BLAKE2_128_CONCAT, n.hotkey()).build().bytes(),
          n.coldkey().bytes());
    }
    subnet.weightCommits().forEach((who, commits) -> s.put(
        StorageKey.builder("SubtensorModule", "WeightCommits").u16Key(TWOX_64_CONCAT, netuid)
            .accountKey(TWOX_64_CONCAT, who).build().bytes(),
        encode(w -> w.sequence(commits, (x, c) -> x.fixedBytes(c.hash()).u64(c.epoch()).u64(c.block()).u64(0)))));
  }

  private static void commitments(Storage.Builder s, SubnetState subnet) {
    int netuid = subnet.netuid();
    s.put(StorageKey.plain("Commitments", "MaxSpace").bytes(), encode(w -> w.u32(subnet.params().maxSpace())));
    for (Map.Entry<AccountId, CommitmentRegistration> e : subnet.commitments().entrySet()) {
      s.put(commitmentKey("CommitmentOf", netuid, e.getKey()), e.getValue().encode());
      s.put(commitmentKey("LastCommitment", netuid, e.getKey()), u32(e.getValue().block()));
    }
    subnet.usedSpace().forEach((who, used) -> s.put(commitmentKey("UsedSpaceOf", netuid, who),
        encode(w -> w.u64(used.lastEpoch()).u64(used.usedSpace()))));
  }

  private static byte[] commitmentKey(String item, int netuid, AccountId who) {
    return StorageKey.builder("Commitments", item).u16Key(IDENTITY, netuid).accountKey(TWOX_64_CONCAT, who).build()
        .bytes();
  }

  private static byte[] doubleKey(String item, int netuid, byte[] second) {
    return StorageKey.builder("SubtensorModule", item).u16Key(IDENTITY, netuid).key(IDENTITY, second).build().bytes();
  }

  private static void put(Storage.Builder s, String pallet, String item, int netuid, byte[] value) {
    s.put(StorageKey.builder(pallet, item).u16Key(IDENTITY, netuid).build().bytes(), value);
  }

  private static byte[] u16(int value) {
    return encode(w -> w.u16(value));
  }

  private static byte[] u32(long value) {
    return encode(w -> w.u32(value));
  }

  private static byte[] encode(Consumer<ScaleWriter> body) {
    return ScaleWriter.encode(body);
  }
}
