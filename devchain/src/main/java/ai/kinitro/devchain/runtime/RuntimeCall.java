package ai.kinitro.devchain.runtime;

import ai.kinitro.common.chain.CommitmentData;
import ai.kinitro.common.chain.CommitmentRegistration;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The calls the dev chain dispatches, decoded from {@code pallet u8 ++ call u8 ++ SCALE args}.
 * Any other call index does not decode, as on a node whose runtime lacks the call.
 */
public sealed interface RuntimeCall {
  /** NetUidStorageIndex stride: {@code mecid * 4096 + netuid}. */
  int MECHANISM_STRIDE = 4096;

  /** {@code "Pallet.call"}, for logs. */
  String name();

  /** {@code Commitments.set_commitment(netuid, info)}. */
  record SetCommitment(int netuid, List<CommitmentData> fields) implements RuntimeCall {
    public SetCommitment {
      fields = List.copyOf(fields);
    }

    @Override
    public String name() {
      return "Commitments.set_commitment";
    }
  }

  /** {@code SubtensorModule.set_weights} (mechanism 0) or {@code set_mechanism_weights}. */
  record SetWeights(int netuid, int mechanismId, List<Integer> uids, List<Integer> values, long versionKey)
      implements RuntimeCall {
    public SetWeights {
      uids = List.copyOf(uids);
      values = List.copyOf(values);
    }

    @Override
    public String name() {
      return "SubtensorModule.set_weights";
    }
  }

  /** {@code SubtensorModule.commit_weights} / {@code commit_mechanism_weights} (v2 hash commit). */
  record CommitWeights(int netuid, int mechanismId, byte[] hash) implements RuntimeCall {
    public CommitWeights {
      hash = hash.clone();
    }

    @Override
    public byte[] hash() {
      return hash.clone();
    }

    @Override
    public String name() {
      return "SubtensorModule.commit_weights";
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CommitWeights that && netuid == that.netuid && mechanismId == that.mechanismId
          && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
      return Objects.hash(netuid, mechanismId, Arrays.hashCode(hash));
    }

    @Override
    public String toString() {
      return "CommitWeights[netuid=" + netuid + ", mechanismId=" + mechanismId + ", hash=0x"
          + HexFormat.of().formatHex(hash) + "]";
    }
  }

  /** {@code SubtensorModule.reveal_weights} / {@code reveal_mechanism_weights}. */
  record RevealWeights(int netuid, int mechanismId, List<Integer> uids, List<Integer> values, List<Integer> salt,
      long versionKey) implements RuntimeCall {
    public RevealWeights {
      uids = List.copyOf(uids);
      values = List.copyOf(values);
      salt = List.copyOf(salt);
    }

    @Override
    public String name() {
      return "SubtensorModule.reveal_weights";
    }
  }

  /** {@code AdminUtils.sudo_set_commit_reveal_weights_enabled(netuid, enabled)}, signed by the owner coldkey. */
  record SetCommitRevealEnabled(int netuid, boolean enabled) implements RuntimeCall {
    @Override
    public String name() {
      return "AdminUtils.sudo_set_commit_reveal_weights_enabled";
    }
  }

  /**
   * Decodes a whole call. Unknown indices and trailing bytes fail with {@link
   * ErrorCode#CHAIN_DATA_MALFORMED}; the message says which call was not understood.
   */
  static RuntimeCall decode(byte[] call) {
    ScaleReader r = ScaleReader.of(call);
    int pallet = r.u8();
    int index = r.u8();
    RuntimeCall decoded = switch (pallet) {
      case Pallets.COMMITMENTS -> switch (index) {
        case Pallets.CALL_SET_COMMITMENT -> new SetCommitment(r.u16(), CommitmentRegistration.readInfo(r));
        default -> throw unknown(pallet, index);
      };
      case Pallets.SUBTENSOR_MODULE -> switch (index) {
        case Pallets.CALL_SET_WEIGHTS -> new SetWeights(r.u16(), 0, list(r.u16Sequence()), list(r.u16Sequence()), r.u64());
        case Pallets.CALL_SET_MECHANISM_WEIGHTS ->
            new SetWeights(r.u16(), r.u8(), list(r.u16Sequence()), list(r.u16Sequence()), r.u64());
        case Pallets.CALL_COMMIT_WEIGHTS -> new CommitWeights(r.u16(), 0, r.fixedBytes(32));
        case Pallets.CALL_COMMIT_MECHANISM_WEIGHTS -> new CommitWeights(r.u16(), r.u8(), r.fixedBytes(32));
        case Pallets.CALL_REVEAL_WEIGHTS -> new RevealWeights(r.u16(), 0, list(r.u16Sequence()),
            list(r.u16Sequence()), list(r.u16Sequence()), r.u64());
        case Pallets.CALL_REVEAL_MECHANISM_WEIGHTS -> new RevealWeights(r.u16(), r.u8(), list(r.u16Sequence()),
            list(r.u16Sequence()), list(r.u16Sequence()), r.u64());
        default -> throw unknown(pallet, index);
      };
      case Pallets.ADMIN_UTILS -> switch (index) {
        case Pallets.CALL_SUDO_SET_COMMIT_REVEAL_WEIGHTS_ENABLED -> new SetCommitRevealEnabled(r.u16(), r.bool());
        default -> throw unknown(pallet, index);
      };
      default -> throw unknown(pallet, index);
    };
    r.expectEnd("the call " + decoded.name());
    return decoded;
  }

  private static List<Integer> list(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static KinitroException unknown(int pallet, int index) {
    return new KinitroException(ErrorCode.CHAIN_DATA_MALFORMED, "call (" + pallet + ", " + index
        + ") is not one the dev chain supports (Commitments.set_commitment, SubtensorModule.set_weights,"
        + " set_mechanism_weights, commit/reveal_weights, commit/reveal_mechanism_weights,"
        + " AdminUtils.sudo_set_commit_reveal_weights_enabled)");
  }
}
