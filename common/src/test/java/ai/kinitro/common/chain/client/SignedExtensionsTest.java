package ai.kinitro.common.chain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.chain.Calls;
import ai.kinitro.common.chain.Era;
import ai.kinitro.common.chain.ExtrinsicBuilder;
import ai.kinitro.common.chain.SignedExtrinsic;
import ai.kinitro.common.chain.SigningParams;
import ai.kinitro.common.chain.metadata.ExtrinsicMetadata;
import ai.kinitro.common.chain.metadata.MetadataFixtures;
import ai.kinitro.common.chain.metadata.RuntimeMetadata;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedExtensionsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] GENESIS = HEX.parseHex(MetadataFixtures.FINNEY_GENESIS.substring(2));
  private static final byte[] BIRTH = HEX.parseHex("11".repeat(32));
  /** chain.md §2.2 worked example: spec 425, tx 1, era(64 @1000), nonce 5, tip 0. */
  private static final SigningParams WORKED = new SigningParams(425, 1, GENESIS, Era.mortal(64, 1000), BIRTH, 5, 0);

  @Test
  void encodesTheRealRuntimesExtensionListAsTheWorkedExample() {
    SignedExtensions.Encoded encoded = SignedExtensions.encode(MetadataFixtures.finney(), WORKED);
    assertThat(HEX.formatHex(encoded.explicit())).isEqualTo("8502140000");
    assertThat(HEX.formatHex(encoded.implicit()))
        .isEqualTo("a9010000" + "01000000" + MetadataFixtures.FINNEY_GENESIS.substring(2) + "11".repeat(32) + "00");
  }

  @Test
  void agreesWithTheFixedLayoutOfExtrinsicBuilder() {
    SignedExtensions.Encoded encoded = SignedExtensions.encode(MetadataFixtures.testnet(), WORKED);
    assertThat(encoded.explicit()).isEqualTo(ExtrinsicBuilder.explicit(WORKED));
    assertThat(encoded.implicit()).isEqualTo(ExtrinsicBuilder.implicit(WORKED));
  }

  @Test
  void skipsAnUnknownExtensionThatCarriesNoData() {
    RuntimeMetadata finney = MetadataFixtures.finney();
    ExtrinsicMetadata.SignedExtension empty = finney.extrinsic().signedExtensions().getFirst();
    RuntimeMetadata withExtra = withExtension(finney, new ExtrinsicMetadata.SignedExtension(
        "DrandPriority", empty.type(), empty.additionalSigned()));
    assertThat(SignedExtensions.encode(withExtra, WORKED)).isEqualTo(SignedExtensions.encode(finney, WORKED));
  }

  @Test
  void refusesAnUnknownExtensionThatCarriesData() {
    RuntimeMetadata finney = MetadataFixtures.finney();
    ExtrinsicMetadata.SignedExtension mortality = finney.extrinsic().signedExtensions().get(4);
    RuntimeMetadata withExtra = withExtension(finney, new ExtrinsicMetadata.SignedExtension(
        "ChargeAssetTxPayment", mortality.type(), mortality.additionalSigned()));
    assertThatThrownBy(() -> SignedExtensions.encode(withExtra, WORKED))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_UNSUPPORTED_RUNTIME))
        .hasMessageContaining("ChargeAssetTxPayment");
  }

  @Test
  void signsTheWorkedExampleWithTheRealAliceKeyAndTheSignatureVerifies() {
    Sr25519KeyPair alice = SecretUri.parse("//Alice");
    byte[] call = Calls.setWeights(1, new int[] {0, 1}, new int[] {65535, 32768}, 0).toBytes();
    SignedExtensions.Encoded encoded = SignedExtensions.encode(MetadataFixtures.finney(), WORKED);
    SignedExtrinsic extrinsic = ExtrinsicBuilder.sign(call, encoded.explicit(), encoded.implicit(), alice);

    ScaleReader reader = ScaleReader.of(extrinsic.encoded());
    int length = (int) reader.compactU32();
    assertThat(length).isEqualTo(reader.remaining());
    assertThat(reader.u8()).isEqualTo(0x84);
    assertThat(reader.u8()).isZero();
    assertThat(reader.fixedBytes(32)).isEqualTo(alice.publicKey());
    assertThat(reader.u8()).isEqualTo(1);
    byte[] signature = reader.fixedBytes(64);
    assertThat(reader.fixedBytes(5)).isEqualTo(encoded.explicit());
    assertThat(reader.readRest()).isEqualTo(call);

    byte[] payload = ExtrinsicBuilder.signingPayload(call, WORKED);
    assertThat(payload).hasSize(100);
    assertThat(Sr25519.verify(alice.publicKey(), payload, signature)).isTrue();
    byte[] tampered = payload.clone();
    tampered[0] ^= 1;
    assertThat(Sr25519.verify(alice.publicKey(), tampered, signature)).isFalse();
  }

  private static RuntimeMetadata withExtension(RuntimeMetadata metadata, ExtrinsicMetadata.SignedExtension extra) {
    List<ExtrinsicMetadata.SignedExtension> extensions = new ArrayList<>(metadata.extrinsic().signedExtensions());
    extensions.add(extra);
    ExtrinsicMetadata extrinsic = new ExtrinsicMetadata(4, metadata.extrinsic().type(), Optional.empty(), extensions);
    return RuntimeMetadata.v14(metadata.registry(), metadata.pallets(), extrinsic, metadata.runtimeType());
  }
}
