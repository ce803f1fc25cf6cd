package ai.kinitro.common.chain;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Encoders for the subtensor calls Kinitro submits. Each has an overload taking the {@link
 * CallIndex} (read from metadata) and one using the default index for spec 425 (SubtensorModule
 * 7, Commitments 18, AdminUtils 19).
 */
public final class Calls {
  public static final CallIndex SET_WEIGHTS = new CallIndex(7, 0);
  public static final CallIndex COMMIT_WEIGHTS = new CallIndex(7, 96);
  public static final CallIndex REVEAL_WEIGHTS = new CallIndex(7, 97);
  public static final CallIndex SET_MECHANISM_WEIGHTS = new CallIndex(7, 119);
  public static final CallIndex SET_COMMITMENT = new CallIndex(18, 0);
  public static final CallIndex SUDO_SET_COMMIT_REVEAL_WEIGHTS_ENABLED = new CallIndex(19, 49);

  private Calls() {}

  /** {@code SubtensorModule.set_weights(netuid u16, dests Vec<u16>, weights Vec<u16>, version_key u64)}. */
  public static Call setWeights(int netuid, int[] uids, int[] weights, long versionKey) {
    return setWeights(SET_WEIGHTS, netuid, uids, weights, versionKey);
  }

  public static Call setWeights(CallIndex index, int netuid, int[] uids, int[] weights, long versionKey) {
    requireSameLength(uids, weights, "weights");
    return call(index, w -> w.u16(netuid).u16Sequence(uids).u16Sequence(weights).u64(versionKey));
  }

  /**
   * {@code SubtensorModule.set_mechanism_weights(netuid u16, mecid u8, dests Vec<u16>, weights
   * Vec<u16>, version_key u64)}.
   */
  public static Call setMechanismWeights(int netuid, int mechanismId, int[] uids, int[] weights, long versionKey) {
    return setMechanismWeights(SET_MECHANISM_WEIGHTS, netuid, mechanismId, uids, weights, versionKey);
  }

  public static Call setMechanismWeights(
      CallIndex index, int netuid, int mechanismId, int[] uids, int[] weights, long versionKey) {
    requireSameLength(uids, weights, "weights");
    return call(index, w -> w.u16(netuid).u8(mechanismId).u16Sequence(uids).u16Sequence(weights).u64(versionKey));
  }

  /** {@code SubtensorModule.commit_weights(netuid u16, commit_hash H256)}; see {@link WeightsCommitHash}. */
  public static Call commitWeights(int netuid, byte[] commitHash) {
    return commitWeights(COMMIT_WEIGHTS, netuid, commitHash);
  }

  public static Call commitWeights(CallIndex index, int netuid, byte[] commitHash) {
    return call(index, w -> w.u16(netuid).fixedBytes(commitHash, 32));
  }

  /**
   * {@code SubtensorModule.reveal_weights(netuid u16, uids Vec<u16>, values Vec<u16>, salt
   * Vec<u16>, version_key u64)}: the values committed earlier.
   */
  public static Call revealWeights(int netuid, int[] uids, int[] values, int[] salt, long versionKey) {
    return revealWeights(REVEAL_WEIGHTS, netuid, uids, values, salt, versionKey);
  }

  public static Call revealWeights(CallIndex index, int netuid, int[] uids, int[] values, int[] salt, long versionKey) {
    requireSameLength(uids, values, "values");
    return call(index, w -> w.u16(netuid).u16Sequence(uids).u16Sequence(values).u16Sequence(salt).u64(versionKey));
  }

  /** {@code Commitments.set_commitment(netuid u16, info CommitmentInfo)}; sign with the hotkey. */
  public static Call setCommitment(int netuid, List<CommitmentData> fields) {
    return setCommitment(SET_COMMITMENT, netuid, fields);
  }

  public static Call setCommitment(CallIndex index, int netuid, List<CommitmentData> fields) {
    return call(index, w -> {
      w.u16(netuid);
      CommitmentRegistration.writeInfo(w, fields);
    });
  }

  /** {@code AdminUtils.sudo_set_commit_reveal_weights_enabled(netuid u16, enabled bool)} (subnet owner). */
  public static Call sudoSetCommitRevealWeightsEnabled(int netuid, boolean enabled) {
    return sudoSetCommitRevealWeightsEnabled(SUDO_SET_COMMIT_REVEAL_WEIGHTS_ENABLED, netuid, enabled);
  }

  public static Call sudoSetCommitRevealWeightsEnabled(CallIndex index, int netuid, boolean enabled) {
    return call(index, w -> w.u16(netuid).bool(enabled));
  }

  static void requireSameLength(int[] uids, int[] values, String what) {
    if (uids.length != values.length) {
      throw new KinitroException(ErrorCode.WEIGHTS_LENGTH_MISMATCH,
          uids.length + " uids but " + values.length + " " + what + "; give exactly one value per uid");
    }
  }

  private static Call call(CallIndex index, Consumer<ScaleWriter> arguments) {
    return new Call(index, ScaleWriter.encode(arguments));
  }
}
