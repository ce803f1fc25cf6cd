package ai.kinitro.common.wallet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyfileTest {
  private static final HexFormat HEX = HexFormat.of();
  static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
  static final String DEV_PUB = "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a";
  static final String DEV_ADDRESS = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";
  static final String DEV_SEED = "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";
  static final String PRIVATE = "ab".repeat(64);

  /** Shaped like the hotkey files btwallet writes. */
  static final String FULL_JSON = """
      {"accountId": "0x%1$s", "publicKey": "0x%1$s", "privateKey": "0x%2$s",
       "secretPhrase": "%3$s", "secretSeed": "0x%4$s", "ss58Address": "%5$s"}
      """.formatted(DEV_PUB, PRIVATE, DEV_PHRASE, DEV_SEED, DEV_ADDRESS);

  @Test
  void parsesEveryFieldOfAFullKeyfile() {
    KeyfileContents contents = Keyfile.parseJson(FULL_JSON.getBytes(UTF_8));

    assertThat(contents).isEqualTo(new KeyfileContents(
        HEX.parseHex(DEV_PUB), HEX.parseHex(PRIVATE), DEV_PHRASE, HEX.parseHex(DEV_SEED), DEV_ADDRESS));
  }

  @Test
  void parsesAPublicOnlyFileWithNullsAndMissingFields() {
    String json = "{\"accountId\": \"0x" + DEV_PUB + "\", \"publicKey\": null, \"ss58Address\": \"" + DEV_ADDRESS + "\"}";

    assertThat(Keyfile.parseJson(json.getBytes(UTF_8)))
        .isEqualTo(KeyfileContents.publicOnly(HEX.parseHex(DEV_PUB), DEV_ADDRESS));
  }

  @Test
  void acceptsHexWithoutPrefixAndInUpperCase() {
    String json = "{\"publicKey\": \"" + DEV_PUB.toUpperCase() + "\"}";

    assertThat(Keyfile.parseJson(json.getBytes(UTF_8)).publicKey()).isEqualTo(HEX.parseHex(DEV_PUB));
  }

  @Test
  void thePhraseWinsOverSeedAndPrivateKey() {
    KeyfileContents contents = Keyfile.parseJson(FULL_JSON.getBytes(UTF_8));

    assertThat(contents.keySource()).contains(new KeySource.Phrase(DEV_PHRASE));
  }

  @Test
  void theSeedWinsOverThePrivateKeyWhenThereIsNoPhrase() {
    KeyfileContents contents = new KeyfileContents(null, HEX.parseHex(PRIVATE), null, HEX.parseHex(DEV_SEED), null);

    assertThat(contents.keySource()).contains(new KeySource.Seed(HEX.parseHex(DEV_SEED)));
  }

  @Test
  void thePrivateKeyIsUsedWhenItIsTheOnlySecret() {
    KeyfileContents contents = new KeyfileContents(null, HEX.parseHex(PRIVATE), "  ", null, null);

    assertThat(contents.keySource()).contains(new KeySource.PrivateKey(HEX.parseHex(PRIVATE)));
  }

  @Test
  void aPublicFileHasNoKeySource() {
    KeyfileContents contents = KeyfileContents.publicOnly(HEX.parseHex(DEV_PUB), DEV_ADDRESS);

    assertThat(contents.keySource()).isEqualTo(Optional.empty());
    assertThat(contents.hasSecret()).isFalse();
  }

  @Test
  void toStringShowsThePublicPartsButNoSecret() {
    KeyfileContents contents = Keyfile.parseJson(FULL_JSON.getBytes(UTF_8));

    String text = contents + " " + contents.keySource().orElseThrow() + " " + new KeySource.Seed(HEX.parseHex(DEV_SEED))
        + " " + new KeySource.PrivateKey(HEX.parseHex(PRIVATE));

    assertThat(text).contains(DEV_PUB, DEV_ADDRESS).doesNotContain("bottom", DEV_SEED, "abab");
  }

  @Test
  void writingAndParsingJsonRoundTrips() {
    KeyfileContents contents = new KeyfileContents(
        HEX.parseHex(DEV_PUB), HEX.parseHex(PRIVATE), DEV_PHRASE, HEX.parseHex(DEV_SEED), DEV_ADDRESS);

    assertThat(Keyfile.parseJson(Keyfile.toJson(contents))).isEqualTo(contents);
  }

  @Test
  void writtenJsonHasAllSixFieldsWithNullsLikeBtwallet() {
    String json = new String(Keyfile.toJson(KeyfileContents.publicOnly(HEX.parseHex(DEV_PUB), DEV_ADDRESS)), UTF_8);

    assertThat(json).isEqualTo("{\"accountId\":\"0x" + DEV_PUB + "\",\"publicKey\":\"0x" + DEV_PUB
        + "\",\"privateKey\":null,\"secretPhrase\":null,\"secretSeed\":null,\"ss58Address\":\"" + DEV_ADDRESS + "\"}");
  }

  @Test
  void aSeedOfTheWrongLengthIsAnInvalidKeyThatDoesNotEchoTheValue() {
    String json = "{\"secretSeed\": \"0x" + DEV_SEED.substring(2) + "\"}";

    assertThatThrownBy(() -> Keyfile.parseJson(json.getBytes(UTF_8)))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY))
        .hasMessageContaining("secretSeed must be 32 bytes")
        .message().doesNotContain(DEV_SEED.substring(2));
  }

  @Test
  void nonHexDigitsAreAnInvalidKey() {
    String json = "{\"publicKey\": \"0x" + "zz".repeat(32) + "\"}";

    assertThatThrownBy(() -> Keyfile.parseJson(json.getBytes(UTF_8)))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }

  @Test
  void disagreeingAccountIdAndPublicKeyAreRefused() {
    String json = "{\"accountId\": \"0x" + "00".repeat(32) + "\", \"publicKey\": \"0x" + DEV_PUB + "\"}";

    assertThatThrownBy(() -> Keyfile.parseJson(json.getBytes(UTF_8)))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY))
        .hasMessageContaining("differ");
  }

  @Test
  void brokenJsonIsUnsupportedWithoutQuotingTheFile() {
    String json = "{\"secretPhrase\": \"" + DEV_PHRASE + "\",";

    assertThatThrownBy(() -> Keyfile.parseJson(json.getBytes(UTF_8)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT))
        .message().doesNotContain("bottom");
  }

  @Test
  void aFieldOfTheWrongJsonTypeIsUnsupported() {
    assertThatThrownBy(() -> Keyfile.parseJson("{\"secretPhrase\": 12}".getBytes(UTF_8)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT));
    assertThatThrownBy(() -> Keyfile.parseJson("[1, 2]".getBytes(UTF_8)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT));
  }

  @Test
  void detectsEachFormatFromItsFirstBytes() {
    assertThat(Keyfile.detect(FULL_JSON.getBytes(UTF_8))).isEqualTo(Keyfile.Format.PLAIN_JSON);
    assertThat(Keyfile.detect(" \n{}".getBytes(UTF_8))).isEqualTo(Keyfile.Format.PLAIN_JSON);
    assertThat(Keyfile.detect(HEX.parseHex(NaclKeyfileCipherTest.FILE_HEX))).isEqualTo(Keyfile.Format.NACL);
    assertThat(Keyfile.detect("gAAAAABkX2s1abc".getBytes(UTF_8))).isEqualTo(Keyfile.Format.LEGACY_FERNET);
    assertThat(Keyfile.detect("$ANSIBLE_VAULT;1.1;AES256\n6162".getBytes(UTF_8)))
        .isEqualTo(Keyfile.Format.LEGACY_ANSIBLE_VAULT);
    assertThat(Keyfile.detect("hello".getBytes(UTF_8))).isEqualTo(Keyfile.Format.UNKNOWN);
    assertThat(Keyfile.detect(new byte[0])).isEqualTo(Keyfile.Format.UNKNOWN);
  }

  @Test
  void legacyFormatsAreRefusedWithAHintToReEncrypt() {
    assertThatThrownBy(() -> Keyfile.requireSupported(Keyfile.Format.LEGACY_FERNET, "the keyfile X"))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT))
        .hasMessageContaining("Fernet").hasMessageContaining("re-encrypt it with a current btcli");
    assertThatThrownBy(() -> Keyfile.requireSupported(Keyfile.Format.LEGACY_ANSIBLE_VAULT, "the keyfile X"))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WALLET_FORMAT))
        .hasMessageContaining("ansible-vault").hasMessageContaining("re-encrypt it with a current btcli");
  }

  @Test
  void contentsDoNotShareTheirArrays() {
    byte[] seed = HEX.parseHex(DEV_SEED);
    KeyfileContents contents = new KeyfileContents(null, null, null, seed, null);
    seed[0] = 0;
    contents.secretSeed()[1] = 0;

    assertThat(HEX.formatHex(contents.secretSeed())).isEqualTo(DEV_SEED);
  }
}
