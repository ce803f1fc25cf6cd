package ai.kinitro.common.chain.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.CallIndex;
import ai.kinitro.common.chain.StorageHasher;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeMetadataTest {
  private static final RuntimeMetadata FINNEY = MetadataFixtures.finney();
  private static final RuntimeMetadata TESTNET = MetadataFixtures.testnet();
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void readsBothRealBlobsAsVersion14WithExtrinsicVersion4() {
    assertThat(FINNEY.version()).isEqualTo(14);
    assertThat(TESTNET.version()).isEqualTo(14);
    assertThat(FINNEY.extrinsic().version()).isEqualTo(4);
    assertThat(FINNEY.registry().types()).hasSize(462);
    assertThat(TESTNET.registry().types()).hasSize(475);
  }

  @Test
  void findsThePalletIndicesOfConstructRuntime() {
    assertThat(FINNEY.requirePallet("System").index()).isZero();
    assertThat(FINNEY.requirePallet("SubtensorModule").index()).isEqualTo(7);
    assertThat(FINNEY.requirePallet("Commitments").index()).isEqualTo(18);
    assertThat(FINNEY.requirePallet("AdminUtils").index()).isEqualTo(19);
    assertThat(FINNEY.palletByIndex(18).map(PalletMetadata::name)).contains("Commitments");
  }

  @Test
  void resolvesTheCallIndicesKinitroSubmits() {
    for (RuntimeMetadata metadata : List.of(FINNEY, TESTNET)) {
      assertThat(metadata.callIndex("SubtensorModule", "set_weights")).isEqualTo(new CallIndex(7, 0));
      assertThat(metadata.callIndex("SubtensorModule", "commit_weights")).isEqualTo(new CallIndex(7, 96));
      assertThat(metadata.callIndex("SubtensorModule", "reveal_weights")).isEqualTo(new CallIndex(7, 97));
      assertThat(metadata.callIndex("Commitments", "set_commitment")).isEqualTo(new CallIndex(18, 0));
      assertThat(metadata.callIndex("AdminUtils", "sudo_set_commit_reveal_weights_enabled"))
          .isEqualTo(new CallIndex(19, 49));
    }
  }

  @Test
  void listsTheArgumentsOfSetWeightsInOrder() {
    TypeDef.VariantDef setWeights = FINNEY.call("SubtensorModule", "set_weights").orElseThrow();
    assertThat(setWeights.fields()).extracting(f -> f.name().orElseThrow())
        .containsExactly("netuid", "dests", "weights", "version_key");
    assertThat(FINNEY.registry().def(setWeights.fields().get(0).type()))
        .isEqualTo(new TypeDef.Primitive(TypeDef.PrimitiveType.U16));
  }

  @Test
  void refusesACallTheOldRuntimeDoesNotHave() {
    assertThatThrownBy(() -> FINNEY.callIndex("SubtensorModule", "set_mechanism_weights"))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME))
        .hasMessageContaining("SubtensorModule.set_mechanism_weights");
  }

  @Test
  void carriesTheStorageDefaultsOfTheOldRuntime() {
    assertThat(defaultOf(FINNEY, "Tempo")).isEqualTo("6300");
    assertThat(defaultOf(FINNEY, "WeightsSetRateLimit")).isEqualTo("6400000000000000");
    assertThat(defaultOf(FINNEY, "CommitRevealWeightsEnabled")).isEqualTo("00");
    assertThat(defaultOf(FINNEY, "MaxWeightsLimit")).isEqualTo("e803");
    assertThat(defaultOf(FINNEY, "MinAllowedWeights")).isEqualTo("0004");
    assertThat(defaultOf(TESTNET, "RevealPeriodEpochs")).isEqualTo("0100000000000000");
  }

  @Test
  void describesTheHashersAndModifierOfCommitmentOf() {
    StorageEntry entry = FINNEY.requireStorageEntry("Commitments", "CommitmentOf");
    assertThat(entry.modifier()).isEqualTo(StorageEntry.Modifier.OPTIONAL);
    assertThat(entry.hashers()).containsExactly(StorageHasher.IDENTITY, StorageHasher.TWOX_64_CONCAT);
    assertThat(entry.defaultValue()).containsExactly(0);
    assertThat(FINNEY.requireStorageEntry("SubtensorModule", "Uids").hashers())
        .containsExactly(StorageHasher.IDENTITY, StorageHasher.BLAKE2_128_CONCAT);
    assertThat(FINNEY.storagePrefix("SubtensorModule")).isEqualTo("SubtensorModule");
  }

  @Test
  void knowsWhichStakeItemsEachRuntimeHas() {
    assertThat(FINNEY.storageEntry("SubtensorModule", "TotalHotkeyAlpha")).isEmpty();
    assertThat(FINNEY.storageEntry("SubtensorModule", "TotalHotkeyStake")).isPresent();
    assertThat(TESTNET.requireStorageEntry("SubtensorModule", "TotalHotkeyAlpha").hashers())
        .containsExactly(StorageHasher.BLAKE2_128_CONCAT, StorageHasher.IDENTITY);
    assertThat(TESTNET.storageEntry("SubtensorModule", "SubnetOwnerHotkey")).isPresent();
  }

  @Test
  void listsTheSignedExtensionsInOrder() {
    List<String> expected = List.of("CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis",
        "CheckMortality", "CheckNonce", "CheckWeight", "ChargeTransactionPayment", "SubtensorSignedExtension",
        "CommitmentsSignedExtension", "CheckMetadataHash");
    assertThat(FINNEY.signedExtensionIdentifiers()).isEqualTo(expected);
    assertThat(TESTNET.signedExtensionIdentifiers()).isEqualTo(expected);
  }

  @Test
  void seesWhichSignedExtensionsAreZeroSized() {
    PortableRegistry registry = FINNEY.registry();
    for (ExtrinsicMetadata.SignedExtension extension : FINNEY.extrinsic().signedExtensions()) {
      boolean empty = registry.isZeroSized(extension.type()) && registry.isZeroSized(extension.additionalSigned());
      boolean expectedEmpty = List.of("CheckNonZeroSender", "CheckWeight", "SubtensorSignedExtension",
          "CommitmentsSignedExtension").contains(extension.identifier());
      assertThat(empty).as(extension.identifier()).isEqualTo(expectedEmpty);
    }
  }

  @Test
  void namesModuleErrorsByPalletAndErrorIndex() {
    assertThat(name(7, 12)).contains("NotEnoughStakeToSetWeights");
    assertThat(name(7, 7)).contains("HotKeyNotRegisteredInNetwork");
    assertThat(name(7, 30)).contains("SettingWeightsTooFast");
    assertThat(name(7, 56)).contains("CommitRevealEnabled");
    assertThat(name(7, 76)).contains("TooManyUnrevealedCommits");
    assertThat(name(18, 2)).contains("CommitmentSetRateLimitExceeded");
    assertThat(name(7, 250)).isEmpty();
    assertThat(FINNEY.moduleError(7, 30).orElseThrow().pallet()).isEqualTo("SubtensorModule");
  }

  @Test
  void readsConstants() {
    assertThat(FINNEY.constant("System", "SS58Prefix").map(c -> HEX.formatHex(c.value()))).contains("2a00");
    assertThat(FINNEY.constant("System", "NoSuchConstant")).isEmpty();
  }

  @Test
  void describesSystemEventsAsAVectorOfEventRecords() {
    StorageEntry events = FINNEY.requireStorageEntry("System", "Events");
    assertThat(events.type()).isInstanceOf(StorageEntry.Plain.class);
    TypeDef def = FINNEY.registry().def(events.valueType());
    assertThat(def).isInstanceOf(TypeDef.Sequence.class);
    assertThat(FINNEY.registry().type(((TypeDef.Sequence) def).type()).pathName())
        .isEqualTo("frame_system::EventRecord");
  }

  private static String defaultOf(RuntimeMetadata metadata, String item) {
    return HEX.formatHex(metadata.requireStorageEntry("SubtensorModule", item).defaultValue());
  }

  private static Optional<String> name(int pallet, int error) {
    return FINNEY.moduleError(pallet, error).map(RuntimeMetadata.ModuleError::name);
  }
}
