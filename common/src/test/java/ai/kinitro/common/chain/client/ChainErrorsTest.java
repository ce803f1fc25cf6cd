package ai.kinitro.common.chain.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.metadata.MetadataFixtures;
import ai.kinitro.common.chain.metadata.RuntimeMetadata;
import ai.kinitro.common.chain.metadata.Value;
import ai.kinitro.common.chain.metadata.ValueDecoder;
import ai.kinitro.common.error.ErrorCode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChainErrorsTest {
  /**
   * Hand-built {@code System.Events} for the finney runtime (layouts read from its metadata):
   * extrinsic 0 succeeded (Mandatory, weight 1000), extrinsic 1 failed with Module{7, [30,0,0,0]}.
   */
  static final String EVENTS = "08"
      + "00" + "00000000" + "0000" + "a10f00" + "02" + "00" + "00"
      + "00" + "01000000" + "0001" + "03" + "07" + "1e000000" + "0000" + "00" + "01" + "00";

  @Test
  void mapsSubtensorCustomPoolErrorsByNumber() {
    assertThat(ChainErrors.forPoolError(1010, "Custom error: 6")).isEqualTo(ErrorCode.CHAIN_RATE_LIMITED);
    assertThat(ChainErrors.forPoolError(1010, "Custom error: 10")).isEqualTo(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED);
    assertThat(ChainErrors.forPoolError(1010, "Custom error: 1")).isEqualTo(ErrorCode.CHAIN_NOT_ENOUGH_STAKE);
    assertThat(ChainErrors.forPoolError(1010, "Custom error: 255")).isEqualTo(ErrorCode.CHAIN_TRANSACTION_REJECTED);
  }

  @Test
  void mapsTheSubstratePoolErrorTexts() {
    assertThat(ChainErrors.forPoolError(1010, "Transaction has a bad signature")).isEqualTo(ErrorCode.CHAIN_BAD_SIGNATURE);
    assertThat(ChainErrors.forPoolError(1010, "Transaction is outdated")).isEqualTo(ErrorCode.CHAIN_TRANSACTION_OUTDATED);
    assertThat(ChainErrors.forPoolError(1010, "Transaction has an ancient birth block"))
        .isEqualTo(ErrorCode.CHAIN_TRANSACTION_OUTDATED);
    assertThat(ChainErrors.forPoolError(1010, "Inability to pay some fees (e.g. account balance too low)"))
        .isEqualTo(ErrorCode.CHAIN_INSUFFICIENT_BALANCE);
    assertThat(ChainErrors.forPoolError(1012, "Transaction is temporarily banned"))
        .isEqualTo(ErrorCode.CHAIN_TRANSACTION_REJECTED);
    assertThat(ChainErrors.forPoolError(1014, "Priority is too low: (10 vs 10)"))
        .isEqualTo(ErrorCode.CHAIN_POOL_PRIORITY_TOO_LOW);
  }

  @Test
  void mapsTheDispatchErrorsKinitroRunsInto() {
    assertThat(ChainErrors.forModuleError("NotEnoughStakeToSetWeights")).isEqualTo(ErrorCode.CHAIN_NOT_ENOUGH_STAKE);
    assertThat(ChainErrors.forModuleError("SettingWeightsTooFast")).isEqualTo(ErrorCode.CHAIN_RATE_LIMITED);
    assertThat(ChainErrors.forModuleError("HotKeyNotRegisteredInNetwork"))
        .isEqualTo(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED);
    assertThat(ChainErrors.forModuleError("CommitRevealEnabled")).isEqualTo(ErrorCode.CHAIN_COMMIT_REVEAL_ENABLED);
    assertThat(ChainErrors.forModuleError("SpaceLimitExceeded")).isEqualTo(ErrorCode.CHAIN_COMMITMENT_SPACE_EXCEEDED);
    assertThat(ChainErrors.forModuleError("SomethingNew")).isEqualTo(ErrorCode.CHAIN_DISPATCH_FAILED);
  }

  @Test
  void namesAModuleDispatchErrorDecodedFromRealMetadataTypes() {
    RuntimeMetadata finney = MetadataFixtures.finney();
    int eventsType = finney.requireStorageEntry("System", "Events").valueType();
    Value events = new ValueDecoder(finney.registry()).decode(eventsType, HexFormat.of().parseHex(EVENTS));
    Value.Composite failed = (Value.Composite) ((Value.Sequence) events).items().get(1);
    Value.Variant system = (Value.Variant) failed.require("event");
    Value.Variant extrinsicFailed = (Value.Variant) system.fields().get(0);
    assertThat(system.name()).isEqualTo("System");
    assertThat(extrinsicFailed.name()).isEqualTo("ExtrinsicFailed");

    TxResult.TxError error = ChainErrors.dispatchError(
        extrinsicFailed.fields().require("dispatch_error"), finney, "SubtensorModule.set_weights");
    assertThat(error.code()).isEqualTo(ErrorCode.CHAIN_RATE_LIMITED);
    assertThat(error.pallet()).isEqualTo("SubtensorModule");
    assertThat(error.name()).isEqualTo("SettingWeightsTooFast");
    assertThat(error.message()).startsWith("SubtensorModule.set_weights failed on chain with SubtensorModule.SettingWeightsTooFast");
  }
}
