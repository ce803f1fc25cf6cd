package ai.kinitro.common.chain;

import static ai.kinitro.common.chain.ChainVectors.ALICE;
import static ai.kinitro.common.chain.ChainVectors.FINNEY_GENESIS;
import static ai.kinitro.common.chain.ChainVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Signer;
import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The worked example of chain.md §2.2, with a fake signer so the layout can be checked byte for byte. */
class ExtrinsicBuilderTest {
  private static final byte[] BLOCK_HASH = filled(32, 0x11);
  private static final byte[] FAKE_SIGNATURE = sequentialSignature();

  private static final SigningParams WORKED_EXAMPLE =
      new SigningParams(425, 1, FINNEY_GENESIS, Era.mortal(64, 1000), BLOCK_HASH, 5, 0);

  private static final byte[] SET_WEIGHTS = Calls.setWeights(1, new int[] {0, 1}, new int[] {65535, 32768}, 0).toBytes();

  private static final String EXPLICIT = "8502140000";
  private static final String IMPLICIT = "a9010000" + "01000000" + hex(FINNEY_GENESIS) + "11".repeat(32) + "00";

  // Layout tests sign with a fixed fake signature so whole byte strings can be compared; the
  // real-key test below verifies what ExtrinsicBuilder signs with the sr25519 verifier.
  private static FixedSigner signerUnderTest() {
    return new FixedSigner(ALICE.bytes(), FAKE_SIGNATURE);
  }

  /** The signature inside an encoded extrinsic with a two-byte length prefix (as in the example). */
  static byte[] signatureBytesOf(SignedExtrinsic extrinsic) {
    return Arrays.copyOfRange(extrinsic.encoded(), 2 + 1 + 1 + 32 + 1, 2 + 1 + 1 + 32 + 1 + 64);
  }
  // ===========================================================================================

  @Test
  void theWorkedExampleSignedWithTheRealAliceKeyVerifiesOverItsPayload() {
    Sr25519KeyPair alice = SecretUri.parse("//Alice");
    assertThat(alice.publicKey()).isEqualTo(ALICE.bytes());
    SignedExtrinsic extrinsic = ExtrinsicBuilder.sign(SET_WEIGHTS, WORKED_EXAMPLE, alice);
    byte[] payload = ExtrinsicBuilder.signingPayload(SET_WEIGHTS, WORKED_EXAMPLE);

    byte[] signature = signatureBytesOf(extrinsic);
    assertThat(Sr25519.verify(alice.publicKey(), ExtrinsicBuilder.messageToSign(payload), signature)).isTrue();
    byte[] otherPayload = payload.clone();
    otherPayload[0] ^= 1;
    assertThat(Sr25519.verify(alice.publicKey(), otherPayload, signature)).isFalse();
  }

  @Test
  void explicitPartIsEraNonceTipAndDisabledMetadataHashMode() {
    assertThat(hex(ExtrinsicBuilder.explicit(WORKED_EXAMPLE))).isEqualTo(EXPLICIT);
  }

  @Test
  void implicitPartIsSpecTxVersionGenesisBirthHashAndNoMetadataHash() {
    assertThat(hex(ExtrinsicBuilder.implicit(WORKED_EXAMPLE))).isEqualTo(IMPLICIT);
  }

  @Test
  void signingPayloadOfTheWorkedExampleIsCallExplicitImplicitAndHundredBytes() {
    byte[] payload = ExtrinsicBuilder.signingPayload(SET_WEIGHTS, WORKED_EXAMPLE);
    assertThat(payload).hasSize(100);
    assertThat(hex(payload)).isEqualTo("07000100080000010008ffff00800000000000000000" + EXPLICIT + IMPLICIT);
  }

  @Test
  void theWorkedExamplePayloadIsSignedDirectly() {
    FixedSigner signer = signerUnderTest();
    ExtrinsicBuilder.sign(SET_WEIGHTS, WORKED_EXAMPLE, signer);
    assertThat(signer.signedMessages()).singleElement()
        .isEqualTo(ExtrinsicBuilder.signingPayload(SET_WEIGHTS, WORKED_EXAMPLE));
  }

  @Test
  void encodesTheWorkedExampleExtrinsicByteForByte() {
    SignedExtrinsic extrinsic = ExtrinsicBuilder.sign(SET_WEIGHTS, WORKED_EXAMPLE, signerUnderTest());
    String expected = "f901" + "84" + "00" + "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d" + "01"
        + hex(FAKE_SIGNATURE) + EXPLICIT + "07000100080000010008ffff00800000000000000000";
    assertThat(hex(extrinsic.encoded())).isEqualTo(expected);
    assertThat(extrinsic.encoded()).hasSize(2 + 126);
    assertThat(signatureBytesOf(extrinsic)).isEqualTo(FAKE_SIGNATURE);
  }

  @Test
  void signingACallObjectGivesTheSameExtrinsicAsItsBytes() {
    Call call = Calls.setWeights(1, new int[] {0, 1}, new int[] {65535, 32768}, 0);
    assertThat(ExtrinsicBuilder.sign(call, WORKED_EXAMPLE, signerUnderTest()))
        .isEqualTo(ExtrinsicBuilder.sign(SET_WEIGHTS, WORKED_EXAMPLE, signerUnderTest()));
  }

  @Test
  void extrinsicHashCoversTheLengthPrefix() {
    SignedExtrinsic extrinsic = ExtrinsicBuilder.sign(SET_WEIGHTS, WORKED_EXAMPLE, signerUnderTest());
    byte[] withoutPrefix = Arrays.copyOfRange(extrinsic.encoded(), 2, extrinsic.encoded().length);
    assertThat(extrinsic.hash())
        .isEqualTo(Hashing.blake2b256(extrinsic.encoded()))
        .isNotEqualTo(Hashing.blake2b256(withoutPrefix));
    assertThat(extrinsic.hashHex()).isEqualTo("0x" + hex(extrinsic.hash()));
    assertThat(extrinsic.toHex()).startsWith("0xf90184");
  }

  @Test
  void aPayloadOfExactly256BytesIsStillSignedDirectly() {
    byte[] call = callOfLength(256 - 5 - 73);
    FixedSigner signer = signerUnderTest();
    ExtrinsicBuilder.sign(call, WORKED_EXAMPLE, signer);
    assertThat(signer.signedMessages().getFirst()).hasSize(256);
  }

  @Test
  void aPayloadLongerThan256BytesIsSignedAsItsBlake2b256() {
    byte[] call = callOfLength(257 - 5 - 73);
    FixedSigner signer = signerUnderTest();
    ExtrinsicBuilder.sign(call, WORKED_EXAMPLE, signer);
    byte[] payload = ExtrinsicBuilder.signingPayload(call, WORKED_EXAMPLE);
    assertThat(payload).hasSize(257);
    assertThat(signer.signedMessages()).singleElement().isEqualTo(Hashing.blake2b256(payload));
  }

  @Test
  void immortalTransactionsUseAZeroEraByteAndTheGenesisAsBirthHash() {
    SigningParams params = SigningParams.immortal(425, 1, FINNEY_GENESIS, 70, 1_000_000_000L);
    assertThat(hex(ExtrinsicBuilder.explicit(params))).isEqualTo("00" + "1901" + "02286bee" /* 10^9 < 2^30: four-byte mode */ + "00");
    assertThat(hex(ExtrinsicBuilder.implicit(params)))
        .isEqualTo("a9010000" + "01000000" + hex(FINNEY_GENESIS) + hex(FINNEY_GENESIS) + "00");
  }

  @Test
  void refusesAnImmortalEraWithABirthHashOtherThanGenesis() {
    assertThatThrownBy(() -> new SigningParams(425, 1, FINNEY_GENESIS, Era.immortal(), BLOCK_HASH, 0, 0))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void refusesHashesThatAreNot32Bytes() {
    assertThatThrownBy(() -> new SigningParams(425, 1, new byte[31], Era.mortal(64, 1000), BLOCK_HASH, 0, 0))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void refusesANonceAboveU32() {
    assertThatThrownBy(() -> new SigningParams(425, 1, FINNEY_GENESIS, Era.mortal(64, 1000), BLOCK_HASH, 1L << 32, 0))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_VALUE_OUT_OF_RANGE));
  }

  @Test
  void refusesASignerThatReturnsSomethingOtherThan64Bytes() {
    Signer broken = new FixedSigner(ALICE.bytes(), new byte[63]);
    assertThatThrownBy(() -> ExtrinsicBuilder.sign(SET_WEIGHTS, WORKED_EXAMPLE, broken))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.ENCODING_FAILED));
  }

  @Test
  void signingParamsCompareByContent() {
    SigningParams same = new SigningParams(425, 1, FINNEY_GENESIS.clone(), Era.mortal(64, 1000), filled(32, 0x11), 5, 0);
    assertThat(same).isEqualTo(WORKED_EXAMPLE).hasSameHashCodeAs(WORKED_EXAMPLE);
  }

  private static byte[] callOfLength(int length) {
    return new Call(new CallIndex(18, 0), new byte[length - 2]).toBytes();
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static byte[] sequentialSignature() {
    byte[] signature = new byte[64];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = (byte) (0xa0 + i);
    }
    return signature;
  }
}
