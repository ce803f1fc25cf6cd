package ai.kinitro.devchain.runtime;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.scale.ScaleWriter;
import java.util.Objects;

/**
 * The events the dev chain deposits, encoded as subtensor's {@code RuntimeEvent}: the pallet index,
 * the event's variant index, then its fields.
 */
public sealed interface RuntimeEvent {

  /** Appends {@code pallet u8 ++ variant u8 ++ fields}. */
  void write(ScaleWriter writer);

  /** {@code frame_support::dispatch::DispatchEventInfo}: weight, class and who pays. */
  record DispatchInfo(long refTime, long proofSize, int dispatchClass, boolean paysFee) {
    public static final int CLASS_NORMAL = 0;
    /** What the dev chain reports for every call: a nominal weight, Normal class, no fee (Pays::No). */
    public static final DispatchInfo FREE_NORMAL = new DispatchInfo(50_000_000L, 0, CLASS_NORMAL, false);

    void write(ScaleWriter writer) {
      // Weight { ref_time: Compact<u64>, proof_size: Compact<u64> }, DispatchClass, Pays (Yes = 0, No = 1).
      writer.compact(refTime).compact(proofSize).u8(dispatchClass).u8(paysFee ? 0 : 1);
    }
  }

  /** {@code System.ExtrinsicSuccess { dispatch_info }}. */
  record ExtrinsicSuccess(DispatchInfo info) implements RuntimeEvent {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.SYSTEM).u8(Pallets.EVENT_EXTRINSIC_SUCCESS);
      info.write(writer);
    }
  }

  /** {@code System.ExtrinsicFailed { dispatch_error, dispatch_info }}. */
  record ExtrinsicFailed(DispatchError error, DispatchInfo info) implements RuntimeEvent {
    public ExtrinsicFailed {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.SYSTEM).u8(Pallets.EVENT_EXTRINSIC_FAILED);
      error.write(writer);
      info.write(writer);
    }
  }

  /** {@code SubtensorModule.WeightsSet(NetUidStorageIndex, u16)}. */
  record WeightsSet(int netuidIndex, int uid) implements RuntimeEvent {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.SUBTENSOR_MODULE).u8(Pallets.EVENT_WEIGHTS_SET).u16(netuidIndex).u16(uid);
    }
  }

  /** {@code SubtensorModule.NeuronRegistered(NetUid, u16, AccountId)}. */
  record NeuronRegistered(int netuid, int uid, AccountId hotkey) implements RuntimeEvent {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.SUBTENSOR_MODULE).u8(Pallets.EVENT_NEURON_REGISTERED).u16(netuid).u16(uid);
      hotkey.write(writer);
    }
  }

  /** {@code SubtensorModule.StakeAdded(coldkey, hotkey, TaoBalance, AlphaBalance, NetUid, u64 fee)}. */
  record StakeAdded(AccountId coldkey, AccountId hotkey, long tao, long alpha, int netuid) implements RuntimeEvent {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.SUBTENSOR_MODULE).u8(Pallets.EVENT_STAKE_ADDED);
      coldkey.write(writer);
      hotkey.write(writer);
      writer.u64(tao).u64(alpha).u16(netuid).u64(0);
    }
  }

  /** {@code SubtensorModule.WeightsCommitted(AccountId, NetUidStorageIndex, H256)}. */
  record WeightsCommitted(AccountId who, int netuidIndex, byte[] hash) implements RuntimeEvent {
    public WeightsCommitted {
      hash = hash.clone();
    }

    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.SUBTENSOR_MODULE).u8(Pallets.EVENT_WEIGHTS_COMMITTED);
      who.write(writer);
      writer.u16(netuidIndex).fixedBytes(hash);
    }
  }

  /** {@code SubtensorModule.WeightsRevealed(AccountId, NetUidStorageIndex, H256)}. */
  record WeightsRevealed(AccountId who, int netuidIndex, byte[] hash) implements RuntimeEvent {
    public WeightsRevealed {
      hash = hash.clone();
    }

    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.SUBTENSOR_MODULE).u8(Pallets.EVENT_WEIGHTS_REVEALED);
      who.write(writer);
      writer.u16(netuidIndex).fixedBytes(hash);
    }
  }

  /** {@code SubtensorModule.CommitRevealEnabled(NetUid, bool)}. */
  record CommitRevealEnabled(int netuid, boolean enabled) implements RuntimeEvent {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.SUBTENSOR_MODULE).u8(Pallets.EVENT_COMMIT_REVEAL_ENABLED).u16(netuid).bool(enabled);
    }
  }

  /** {@code Commitments.Commitment { netuid, who }}. */
  record Commitment(int netuid, AccountId who) implements RuntimeEvent {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.COMMITMENTS).u8(Pallets.EVENT_COMMITMENT).u16(netuid);
      who.write(writer);
    }
  }

  /** {@code Commitments.TimelockCommitment { netuid, who, reveal_round }}. */
  record TimelockCommitment(int netuid, AccountId who, long revealRound) implements RuntimeEvent {
    @Override
    public void write(ScaleWriter writer) {
      writer.u8(Pallets.COMMITMENTS).u8(Pallets.EVENT_TIMELOCK_COMMITMENT).u16(netuid);
      who.write(writer);
      writer.u64(revealRound);
    }
  }
}
