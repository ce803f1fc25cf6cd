package ai.kinitro.devchain.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.CallIndex;
import ai.kinitro.common.chain.Era;
import ai.kinitro.common.chain.SigningParams;
import ai.kinitro.common.chain.StorageHasher;
import ai.kinitro.common.chain.client.SignedExtensions;
import ai.kinitro.common.chain.metadata.MetadataReader;
import ai.kinitro.common.chain.metadata.RuntimeMetadata;
import ai.kinitro.devchain.runtime.SubtensorError;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The dev chain's metadata, read back with the client's own reader. */
class DevMetadataTest {
  private static final HexFormat HEX = HexFormat.of();
  private final DevMetadata built = DevMetadata.build();
  private final RuntimeMetadata v14 = MetadataReader.read(built.v14Bytes());

  @Test
  void callIndicesAreSubtensors() {
    assertThat(v14.callIndex("SubtensorModule", "set_weights")).isEqualTo(new CallIndex(7, 0));
    assertThat(v14.callIndex("SubtensorModule", "commit_weights")).isEqualTo(new CallIndex(7, 96));
    assertThat(v14.callIndex("SubtensorModule", "reveal_weights")).isEqualTo(new CallIndex(7, 97));
    assertThat(v14.callIndex("SubtensorModule", "set_mechanism_weights")).isEqualTo(new CallIndex(7, 119));
    assertThat(v14.callIndex("Commitments", "set_commitment")).isEqualTo(new CallIndex(18, 0));
    assertThat(v14.callIndex("AdminUtils", "sudo_set_commit_reveal_weights_enabled")).isEqualTo(new CallIndex(19, 49));
  }

  @Test
  void storageDefaultsAndHashersAreSubtensors() {
    assertThat(HEX.formatHex(v14.requireStorageEntry("SubtensorModule", "Tempo").defaultValue())).isEqualTo("6801");
    assertThat(HEX.formatHex(v14.requireStorageEntry("SubtensorModule", "WeightsSetRateLimit").defaultValue()))
        .isEqualTo("6400000000000000");
    assertThat(HEX.formatHex(v14.requireStorageEntry("SubtensorModule", "CommitRevealWeightsEnabled").defaultValue()))
        .isEqualTo("01");
    assertThat(v14.requireStorageEntry("SubtensorModule", "RevealPeriodEpochs").hashers())
        .containsExactly(StorageHasher.TWOX_64_CONCAT);
    assertThat(v14.requireStorageEntry("Commitments", "CommitmentOf").hashers())
        .containsExactly(StorageHasher.IDENTITY, StorageHasher.TWOX_64_CONCAT);
    assertThat(v14.requireStorageEntry("SubtensorModule", "Uids").hashers())
        .containsExactly(StorageHasher.IDENTITY, StorageHasher.BLAKE2_128_CONCAT);
  }

  @Test
  void moduleErrorsCarrySubtensorsNamesAndIndices() {
    int index = SubtensorError.SETTING_WEIGHTS_TOO_FAST.ordinal();

    assertThat(index).isEqualTo(29);
    assertThat(v14.moduleError(7, index)).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("SettingWeightsTooFast"));
    assertThat(v14.moduleError(18, 2)).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("SpaceLimitExceeded"));
  }

  @Test
  void theSignedExtensionsEncodeTheWorkedExampleOfChainMd() {
    byte[] genesis = HEX.parseHex("2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03");
    byte[] birth = HEX.parseHex("11".repeat(32));
    SigningParams params = new SigningParams(425, 1, genesis, Era.mortal(64, 1000), birth, 5, 0);

    SignedExtensions.Encoded encoded = SignedExtensions.encode(v14, params);

    assertThat(HEX.formatHex(encoded.explicit())).isEqualTo("8502140000");
    assertThat(HEX.formatHex(encoded.implicit()))
        .isEqualTo("a9010000" + "01000000" + HEX.formatHex(genesis) + "11".repeat(32) + "00");
    assertThat(v14.signedExtensionIdentifiers()).startsWith("CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion",
        "CheckGenesis", "CheckMortality", "CheckNonce", "CheckWeight", "ChargeTransactionPaymentWrapper")
        .endsWith("CheckMetadataHash");
  }

  @Test
  void theV15BlobReadsBackWithTheSameCallIndices() {
    RuntimeMetadata v15 = MetadataReader.read(built.v15Bytes());

    assertThat(v15.version()).isEqualTo(15);
    assertThat(v15.callIndex("SubtensorModule", "set_weights")).isEqualTo(new CallIndex(7, 0));
    assertThat(v15.outerEnums()).isPresent();
  }
}
