package ai.kinitro.common.chain.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataRoundTripTest {

  @Test
  void reEncodesTheRealFinneyMetadataByteForByte() {
    byte[] blob = MetadataFixtures.finneyBlob();
    assertThat(MetadataWriter.write(MetadataReader.read(blob))).isEqualTo(blob);
  }

  @Test
  void reEncodesTheRealTestnetMetadataByteForByte() {
    byte[] blob = MetadataFixtures.testnetBlob();
    assertThat(MetadataWriter.write(MetadataReader.read(blob))).isEqualTo(blob);
  }

  @Test
  void parsesWhatItWritesIntoAnEqualModel() {
    RuntimeMetadata metadata = MetadataFixtures.testnet();
    assertThat(MetadataReader.read(MetadataWriter.writeV14(metadata))).isEqualTo(metadata);
  }

  @Test
  void roundTripsAVersion15ModelWithDocsApisOuterEnumsAndCustomValues() {
    RuntimeMetadata v15 = asV15(MetadataFixtures.finney());
    byte[] blob = MetadataWriter.write(v15);
    assertThat(blob[4]).isEqualTo((byte) 15);
    RuntimeMetadata read = MetadataReader.read(blob);
    assertThat(read).isEqualTo(v15);
    assertThat(read.callIndex("SubtensorModule", "set_weights").call()).isZero();
    assertThat(read.apis().getFirst().methods().getFirst().name()).isEqualTo("get_selective_metagraph");
  }

  @Test
  void refusesToWriteVersion14WithoutTheExtrinsicType() {
    RuntimeMetadata v15 = asV15(MetadataFixtures.finney());
    assertThatThrownBy(() -> MetadataWriter.writeV14(v15))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENCODING_FAILED));
  }

  @Test
  void rejectsAnUnsupportedMetadataVersion() {
    byte[] blob = MetadataFixtures.finneyBlob();
    blob[4] = 13;
    assertThatThrownBy(() -> MetadataReader.read(blob))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME))
        .hasMessageContaining("version 13");
  }

  @Test
  void rejectsBytesWithoutTheMetaMagic() {
    byte[] blob = MetadataFixtures.finneyBlob();
    blob[0] = 0;
    assertThatThrownBy(() -> MetadataReader.read(blob))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED));
  }

  @Test
  void reportsTruncatedMetadataAsTruncatedChainData() {
    byte[] blob = MetadataFixtures.finneyBlob();
    byte[] cut = Arrays.copyOf(blob, blob.length / 2);
    assertThatThrownBy(() -> MetadataReader.read(cut))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_TRUNCATED));
  }

  @Test
  void rejectsTrailingBytesAfterTheMetadata() {
    byte[] blob = MetadataFixtures.finneyBlob();
    byte[] longer = Arrays.copyOf(blob, blob.length + 1);
    assertThatThrownBy(() -> MetadataReader.read(longer))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED));
  }

  /** The V14 model dressed as V15 (types reused: they only have to be valid ids for the round trip). */
  private static RuntimeMetadata asV15(RuntimeMetadata v14) {
    List<PalletMetadata> pallets = v14.pallets().stream().map(p -> new PalletMetadata(p.name(), p.storage(),
        p.callType(), p.eventType(), p.constants(), p.errorType(), p.index(), List.of("The " + p.name() + " pallet.")))
        .toList();
    int u16 = v14.call("SubtensorModule", "set_weights").orElseThrow().fields().getFirst().type();
    ExtrinsicMetadata extrinsic = new ExtrinsicMetadata(4, Optional.empty(),
        Optional.of(new ExtrinsicMetadata.V15Types(0, 1, 2, 3)), v14.extrinsic().signedExtensions());
    RuntimeApiMetadata api = new RuntimeApiMetadata("SubnetInfoRuntimeApi",
        List.of(new RuntimeApiMetadata.Method("get_selective_metagraph",
            List.of(new RuntimeApiMetadata.Param("netuid", u16)), 0, List.of("Selected fields."))),
        List.of("Subnet info."));
    return new RuntimeMetadata(15, v14.registry(), pallets, extrinsic, v14.runtimeType(), List.of(api),
        Optional.of(new RuntimeMetadata.OuterEnums(4, 5, 6)),
        List.of(new RuntimeMetadata.CustomValue("kinitro", u16, new byte[] {1, 0})));
  }
}
