package ai.kinitro.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ss58Test {
  private static final HexFormat HEX = HexFormat.of();

  private static final String DEV_PUB = "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a";
  private static final String DEV_ADDRESS = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";
  private static final String ALICE_PUB = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
  private static final String ALICE_ADDRESS = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  @ParameterizedTest(name = "format {2}: {1}")
  @CsvSource({
    // chain.md §4.4: the dev phrase root, //Alice and //Bob
    "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a, 5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV, 42",
    "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d, 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY, 42",
    "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48, 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty, 42",
    // subkey-produced pairs, including both two-byte prefix shapes
    "6a5a5957ce778c174c02c151e7c4917ac127b33ad8485f579f830fc15d31bc5a, 5EU9mjvZdLRGyDFiBHjxrxvQuaaBpeTZCguhxM3yMX8cpZ2u, 42",
    "facc4de5b7745215ec8255c743f044d2a94ef72b2fb6d8e22c35ffbc3ac8ac9e, 16fqfQjHSWMoMxydLYoYixYcTGvcE3csECC69Lik312jNWS9, 0",
    "0ae7387f2bbf2846df7a1fb07b0676f1e4c35787f96b6a618e254afea5434d04, CpcgbdXbwSbUJF38WTzR2r8CpeF29Jeyqm1EZmJmey7sXVE, 2",
    "66cd6cf085627d6c85af1aaf2bd10cf843033e929b4e3b1c2ba8e4aa46fe111b, yGF4JP7q5AK46d1FPCEm9sYQ4KooSjHMpyVAjLnsCSWVafPnf, 255",
    "44d5a3ac156335ea99d33a83c57c7146c40c8e2260a8a4adf4e7a86256454651, mHm8k9Emsvyfp3piCauSH684iA6NakctF8dySQcX94GDdrJrE, 4242",
    "88f01441682a17b52d6ae12d1a5670cf675fd254897efabaa5069eb3a701ab73, r6Gr4gaMP8TsjhFbqvZhv3YvnasugLiRJpzpRHifsqqG18UXa, 14269",
  })
  void encodesAndDecodesKnownAddresses(String pubHex, String address, int format) {
    byte[] pub = HEX.parseHex(pubHex);

    assertThat(Ss58.encode(pub, format)).isEqualTo(address);
    assertThat(Ss58.decode(address)).isEqualTo(new Ss58.Address(format, pub));
  }

  @Test
  void encodeWithoutAFormatUsesTheSubstrateDefault42() {
    assertThat(Ss58.encode(HEX.parseHex(DEV_PUB))).isEqualTo(DEV_ADDRESS);
  }

  @Test
  void roundTripsEveryFormatBoundaryAndSomeBetween() {
    byte[] pub = HEX.parseHex(ALICE_PUB);
    for (int format : new int[] {0, 1, 45, 63, 64, 65, 127, 128, 255, 256, 1000, 8191, 8192, 16382, 16383}) {
      assertThat(Ss58.decode(Ss58.encode(pub, format))).isEqualTo(new Ss58.Address(format, pub));
    }
  }

  @Test
  void decodePublicKeyReturnsTheAccountIdOfADefaultFormatAddress() {
    assertThat(HEX.formatHex(Ss58.decodePublicKey(ALICE_ADDRESS))).isEqualTo(ALICE_PUB);
  }

  @Test
  void decodePublicKeyRefusesAnAddressOfAnotherNetwork() {
    String polkadot = Ss58.encode(HEX.parseHex(ALICE_PUB), 0);

    assertInvalidKey(() -> Ss58.decodePublicKey(polkadot), "format 0, expected format 42");
  }

  @Test
  void aChangedCharacterFailsTheChecksum() {
    // Swap the last character for another valid base58 digit.
    String tampered = ALICE_ADDRESS.substring(0, ALICE_ADDRESS.length() - 1) + "Z";

    assertInvalidKey(() -> Ss58.decode(tampered), "bad SS58 checksum");
  }

  @Test
  void aCharacterOutsideTheAlphabetIsNamedWithItsPosition() {
    String withZero = "5Grwva0F5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

    assertInvalidKey(() -> Ss58.decode(withZero), "character '0' at position 7");
  }

  @Test
  void aTruncatedAddressHasTheWrongLength() {
    // Prefix 42 followed by only 33 bytes (a 31-byte key and its two checksum bytes).
    byte[] body = new byte[34];
    body[0] = 42;
    String shortAddress = Ss58.Base58.encode(body);

    assertInvalidKey(() -> Ss58.decode(shortAddress), "decodes to 34 bytes, expected 35");
  }

  @Test
  void anEmptyOrOverlongStringIsRefusedBeforeDecoding() {
    assertInvalidKey(() -> Ss58.decode(""), "got 0");
    assertInvalidKey(() -> Ss58.decode("5".repeat(200)), "got 200");
  }

  @Test
  void aPrefixByteAbove127IsReserved() {
    byte[] body = new byte[35];
    body[0] = (byte) 0x80;

    assertInvalidKey(() -> Ss58.decode(Ss58.Base58.encode(body)), "reserved");
  }

  @Test
  void aSmallFormatWrittenInTheTwoByteFormIsNotCanonical() {
    // Format 42 in the two-byte layout: 01aaaaaa bbcccccc with the value's bits spread out.
    byte[] pub = HEX.parseHex(ALICE_PUB);
    byte[] body = new byte[36];
    body[0] = (byte) (((42 & 0xfc) >> 2) | 0x40);
    body[1] = (byte) ((42 >> 8) | ((42 & 3) << 6));
    System.arraycopy(pub, 0, body, 2, 32);
    byte[] hash = Hashing.blake2b(512, "SS58PRE".getBytes(), java.util.Arrays.copyOf(body, 34));
    body[34] = hash[0];
    body[35] = hash[1];

    assertInvalidKey(() -> Ss58.decode(Ss58.Base58.encode(body)), "not a canonical");
  }

  @Test
  void encodeRefusesAKeyThatIsNot32BytesAndAFormatOutOfRange() {
    assertInvalidKey(() -> Ss58.encode(new byte[33]), "32 bytes, got 33");
    assertInvalidKey(() -> Ss58.encode(new byte[32], 16384), "out of range");
    assertInvalidKey(() -> Ss58.encode(new byte[32], -1), "out of range");
  }

  @Test
  void addressValuesDoNotShareTheirKeyArray() {
    byte[] pub = HEX.parseHex(ALICE_PUB);
    Ss58.Address address = new Ss58.Address(42, pub);
    pub[0] = 0;
    address.publicKey()[1] = 0;

    assertThat(HEX.formatHex(address.publicKey())).isEqualTo(ALICE_PUB);
    assertThat(address.encoded()).isEqualTo(ALICE_ADDRESS);
  }

  @Test
  void base58MatchesBitcoinVectorsIncludingLeadingZeros() {
    assertThat(Ss58.Base58.encode(new byte[0])).isEmpty();
    assertThat(Ss58.Base58.encode(new byte[] {0})).isEqualTo("1");
    assertThat(Ss58.Base58.encode(new byte[] {0, (byte) 0xff})).isEqualTo("15Q");
    assertThat(Ss58.Base58.encode("Hello World!".getBytes())).isEqualTo("2NEpo7TZRRrLZSi2U");
    assertThat(Ss58.Base58.encode(HEX.parseHex("0000287fb4cd"))).isEqualTo("11233QC4");
    assertThat(Ss58.Base58.decode("11233QC4")).isEqualTo(HEX.parseHex("0000287fb4cd"));
    String wholeAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    byte[] wholeAlphabetBytes =
        HEX.parseHex("000111d38e5fc9071ffcd20b4a763cc9ae4f252bb4e48fd66a835e252ada93ff480d6dd43dc62a641155a5");
    assertThat(Ss58.Base58.encode(wholeAlphabetBytes)).isEqualTo(wholeAlphabet);
    assertThat(Ss58.Base58.decode(wholeAlphabet)).isEqualTo(wholeAlphabetBytes);
    assertThat(Ss58.Base58.decode("2NEpo7TZRRrLZSi2U")).isEqualTo("Hello World!".getBytes());
  }

  @Test
  void base58RoundTripsRandomInputsOfManyLengths() {
    Random random = new Random(7);
    for (int length = 0; length < 80; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      if (length % 5 == 0 && length > 0) {
        data[0] = 0;
      }
      assertThat(Ss58.Base58.decode(Ss58.Base58.encode(data))).isEqualTo(data);
    }
  }

  private static void assertInvalidKey(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String fragment) {
    assertThatThrownBy(call)
        .isInstanceOf(KinitroException.class)
        .satisfies(e -> assertThat(((KinitroException) e).code()).isEqualTo(ErrorCode.INVALID_KEY))
        .hasMessageContaining(fragment);
  }
}
