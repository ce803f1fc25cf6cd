package ai.kinitro.common.chain;

import static ai.kinitro.common.chain.ChainVectors.ALICE;
import static ai.kinitro.common.chain.ChainVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallsTest {
  private static final int[] UIDS = {0, 1};
  private static final int[] WEIGHTS = {65535, 32768};
  private static final int[] SALT = {1, 2, 3, 4, 5, 6, 7, 8};

  @Test
  void encodesTheChainMdSetWeightsExample() {
    assertThat(hex(Calls.setWeights(1, UIDS, WEIGHTS, 0).toBytes()))
        .isEqualTo("07000100080000010008ffff00800000000000000000");
  }

  @Test
  void encodesTheChainMdSetCommitmentExample() {
    Call call = Calls.setCommitment(1, List.of(CommitmentData.raw("provider:sub-123:comp-7")));
    assertThat(hex(call.toBytes()))
        .isEqualTo("1200" + "0100" + "04" + "18" + "70726f76696465723a7375622d3132333a636f6d702d37");
  }

  @Test
  void encodesSetMechanismWeightsWithAU8MechanismIdAfterTheNetuid() {
    assertThat(hex(Calls.setMechanismWeights(1, 2, UIDS, WEIGHTS, 9).toBytes()))
        .isEqualTo("0777" + "0100" + "02" + "080000" + "0100" + "08ffff" + "0080" + "0900000000000000");
  }

  @Test
  void encodesCommitWeightsAsNetuidAndTheRawHash() {
    byte[] hash = WeightsCommitHash.compute(ALICE, 1, UIDS, WEIGHTS, SALT, 0);
    assertThat(hex(Calls.commitWeights(1, hash).toBytes())).isEqualTo("0760" + "0100" + hex(hash));
  }

  @Test
  void refusesACommitHashThatIsNot32Bytes() {
    assertThatThrownBy(() -> Calls.commitWeights(1, new byte[31]))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE));
  }

  @Test
  void encodesRevealWeightsWithTheSaltBeforeTheVersionKey() {
    assertThat(hex(Calls.revealWeights(1, UIDS, WEIGHTS, new int[] {1, 2}, 3).toBytes()))
        .isEqualTo("0761" + "0100" + "0800000100" + "08ffff0080" + "0801000200" + "0300000000000000");
  }

  @Test
  void encodesSudoSetCommitRevealWeightsEnabled() {
    assertThat(hex(Calls.sudoSetCommitRevealWeightsEnabled(1, false).toBytes())).isEqualTo("1331" + "0100" + "00");
  }

  @Test
  void usesTheCallIndexItIsGiven() {
    CallIndex fromMetadata = new CallIndex(8, 3);
    assertThat(hex(Calls.setWeights(fromMetadata, 1, UIDS, WEIGHTS, 0).toBytes()))
        .isEqualTo("0803" + "0100080000010008ffff00800000000000000000");
  }

  @Test
  void refusesUidAndWeightListsOfDifferentLengths() {
    assertThatThrownBy(() -> Calls.setWeights(1, new int[] {0, 1}, new int[] {5}, 0))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.WEIGHTS_LENGTH_MISMATCH);
          assertThat(e.getMessage()).contains("2 uids but 1 weights");
        });
  }

  @Test
  void refusesAWeightAboveU16Max() {
    assertThatThrownBy(() -> Calls.setWeights(1, new int[] {0}, new int[] {65536}, 0))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE));
  }

  @Test
  void computesTheChainMdCommitRevealV2Hash() {
    assertThat(hex(WeightsCommitHash.compute(ALICE, 1, UIDS, WEIGHTS, SALT, 0)))
        .isEqualTo("15d1d763685dfce22d8650296059d5767f0932787b33a80c31d996c3d36b6eef");
  }

  @Test
  void commitHashChangesWithTheSalt() {
    assertThat(WeightsCommitHash.compute(ALICE, 1, UIDS, WEIGHTS, new int[] {1, 2, 3, 4, 5, 6, 7, 9}, 0))
        .isNotEqualTo(WeightsCommitHash.compute(ALICE, 1, UIDS, WEIGHTS, SALT, 0));
  }
}
