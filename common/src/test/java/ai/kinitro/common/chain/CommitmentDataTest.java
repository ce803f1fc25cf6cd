package ai.kinitro.common.chain;

import static ai.kinitro.common.chain.ChainVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.scale.ScaleReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** chain.md §1.2. */
class CommitmentDataTest {
  private static final String REGISTRATION_HEX =
      "0000000000000000" + "40e20100" + "04" + "18" + "70726f76696465723a7375622d3132333a636f6d702d37";

  private static final CommitmentRegistration REGISTRATION =
      new CommitmentRegistration(0, 123456, List.of(CommitmentData.raw("provider:sub-123:comp-7")));

  @Test
  void encodesTheChainMdRegistrationExample() {
    assertThat(hex(REGISTRATION.encode())).isEqualTo(REGISTRATION_HEX);
  }

  @Test
  void decodesTheChainMdRegistrationExample() {
    CommitmentRegistration decoded = CommitmentRegistration.decode(hex(REGISTRATION_HEX));
    assertThat(decoded).isEqualTo(REGISTRATION);
    assertThat(decoded.firstRawText()).contains("provider:sub-123:comp-7");
  }

  @Test
  void decodesAShortRegistrationByPaddingWithZerosLikeTheRuntime() {
    // deposit and the first two bytes of block only: the rest reads as zeros, so no fields
    assertThat(CommitmentRegistration.decode(hex("0000000000000000" + "40e2")))
        .isEqualTo(new CommitmentRegistration(0, 0xe240, List.of()));
    assertThat(CommitmentRegistration.decode(new byte[0])).isEqualTo(new CommitmentRegistration(0, 0, List.of()));
  }

  @Test
  void zeroPaddingAlsoCompletesATruncatedRawField() {
    // Raw3 with only one byte present: AppendZerosInput supplies the two missing bytes
    CommitmentRegistration decoded = CommitmentRegistration.decode(hex("0000000000000000" + "01000000" + "04" + "04" + "41"));
    assertThat(decoded.fields()).containsExactly(new CommitmentData.Raw(new byte[] {0x41, 0, 0}));
  }

  @Test
  void roundTripsEveryDataVariant() {
    byte[] digest = new byte[32];
    Arrays.fill(digest, (byte) 7);
    List<CommitmentData> variants = List.of(
        new CommitmentData.None(),
        new CommitmentData.Raw(new byte[0]),
        new CommitmentData.Raw(new byte[128]),
        new CommitmentData.Hash(CommitmentData.Hash.Algorithm.BLAKE_TWO_256, digest),
        new CommitmentData.Hash(CommitmentData.Hash.Algorithm.SHA_256, digest),
        new CommitmentData.Hash(CommitmentData.Hash.Algorithm.KECCAK_256, digest),
        new CommitmentData.Hash(CommitmentData.Hash.Algorithm.SHA_THREE_256, digest),
        new CommitmentData.TimelockEncrypted(new byte[] {1, 2, 3}, 12345L),
        new CommitmentData.ResetBondsFlag(),
        new CommitmentData.BigRaw(new byte[512]));
    for (CommitmentData variant : variants) {
      ScaleReader reader = ScaleReader.of(variant.toBytes());
      assertThat(CommitmentData.read(reader)).isEqualTo(variant);
      reader.expectEnd(variant.toString());
    }
  }

  @Test
  void usesTheCustomTagForEachVariant() {
    assertThat(hex(new CommitmentData.None().toBytes())).isEqualTo("00");
    assertThat(hex(new CommitmentData.Raw(new byte[0]).toBytes())).isEqualTo("01");
    assertThat(new CommitmentData.Raw(new byte[128]).toBytes()[0] & 0xFF).isEqualTo(0x81);
    assertThat(new CommitmentData.Hash(CommitmentData.Hash.Algorithm.SHA_THREE_256, new byte[32]).toBytes()[0] & 0xFF)
        .isEqualTo(0x85);
    assertThat(hex(new CommitmentData.TimelockEncrypted(new byte[] {(byte) 0xaa}, 1).toBytes()))
        .isEqualTo("86" + "04aa" + "0100000000000000");
    assertThat(hex(new CommitmentData.ResetBondsFlag().toBytes())).isEqualTo("87");
    assertThat(hex(new CommitmentData.BigRaw(new byte[] {(byte) 0xbb}).toBytes())).isEqualTo("88" + "04bb");
  }

  @Test
  void refusesARawFieldLongerThan128Bytes() {
    assertThatThrownBy(() -> new CommitmentData.Raw(new byte[129]))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.COMMITMENT_TOO_LARGE);
          assertThat(e.getMessage()).contains("129").contains("128");
        });
  }

  @Test
  void refusesMoreThanThreeFields() {
    List<CommitmentData> four = List.of(new CommitmentData.None(), new CommitmentData.None(),
        new CommitmentData.None(), new CommitmentData.None());
    assertThatThrownBy(() -> new CommitmentRegistration(0, 0, four))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMITMENT_TOO_LARGE));
  }

  @Test
  void rejectsAStoredValueWithMoreThanThreeFields() {
    assertThatThrownBy(() -> CommitmentRegistration.decode(hex("0000000000000000" + "00000000" + "10" + "00000000")))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED));
  }

  @Test
  void rejectsAnUnknownDataTag() {
    assertThatThrownBy(() -> CommitmentData.read(ScaleReader.of(hex("89"))))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED);
          assertThat(e.getMessage()).contains("0x89");
        });
  }

  @Test
  void rejectsATimelockFieldAboveTheChainBound() {
    byte[] tooLong = new CommitmentData.TimelockEncrypted(new byte[1024], 0).toBytes();
    // rewrite the compact length 1024 (0x1001) as 1025 (0x0510) and append one byte
    byte[] patched = Arrays.copyOf(tooLong, tooLong.length + 1);
    assertThat(hex(Arrays.copyOfRange(tooLong, 0, 3))).isEqualTo("860110");
    patched[1] = 0x05;
    patched[2] = 0x10;
    assertThatThrownBy(() -> CommitmentData.read(ScaleReader.of(patched)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_DATA_MALFORMED));
  }

  @Test
  void firstRawTextDropsInvalidUtf8AndIgnoresOtherVariants() {
    var raw = new CommitmentRegistration(0, 1, List.of(new CommitmentData.Raw(new byte[] {'o', (byte) 0xff, 'k'})));
    assertThat(raw.firstRawText()).contains("ok");
    var big = new CommitmentRegistration(0, 1, List.of(new CommitmentData.BigRaw(new byte[] {'x'})));
    assertThat(big.firstRawText()).isEmpty();
  }
}
