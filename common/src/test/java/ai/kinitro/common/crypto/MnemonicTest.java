package ai.kinitro.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class MnemonicTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
  private static final String ABANDON_ABOUT =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  @Test
  void theBundledWordListIsTheStandardBip39EnglishFile() throws Exception {
    byte[] file;
    try (InputStream in = Mnemonic.class.getResourceAsStream("bip39-english.txt")) {
      file = in.readAllBytes();
    }
    // The published hash 2f5eed53...dbda is over the file exactly as distributed: 2048 lines, each
    // (including the last, "zoo") ending in a single '\n'.
    String sha256 = HEX.formatHex(Hashing.sha256(file));
    assertThat(sha256).startsWith("2f5eed53").endsWith("dbda");
    assertThat(file[file.length - 1]).isEqualTo((byte) '\n');
    assertThat(Mnemonic.englishWords()).hasSize(2048).doesNotHaveDuplicates();
    assertThat(Mnemonic.englishWords().getFirst()).isEqualTo("abandon");
    assertThat(Mnemonic.englishWords().getLast()).isEqualTo("zoo");
  }

  @Test
  void zeroEntropyWithPasswordSubstrateGivesTheSubstrateBip39Seed() {
    assertThat(HEX.formatHex(Mnemonic.seedFromEntropy(new byte[16], "Substrate")))
        .isEqualTo("44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e3"
            + "3f50c3d5c84fa3e5399c72d6cbbbbc4a49bf76f76d952f479d74655a2ef2d453");
  }

  @ParameterizedTest(name = "{1}")
  @CsvFileSource(resources = "substrate-bip39-vectors.txt", delimiter = '|', commentCharacter = '#')
  void goSchnorrkelVectorsGiveTheReferenceEntropySeedAndMiniSecret(String phrase, String entropy, String seed) {
    assertThat(HEX.formatHex(Mnemonic.toEntropy(phrase))).isEqualTo(entropy);
    assertThat(HEX.formatHex(Mnemonic.seedFromEntropy(HEX.parseHex(entropy), "Substrate"))).isEqualTo(seed);
    assertThat(HEX.formatHex(Mnemonic.toMiniSecret(phrase, "Substrate"))).isEqualTo(seed.substring(0, 64));
    assertThat(Mnemonic.fromEntropy(HEX.parseHex(entropy))).isEqualTo(phrase);
  }

  @Test
  void abandonAboutWithoutPasswordGivesTheReferenceMiniSecret() {
    assertThat(HEX.formatHex(Mnemonic.toMiniSecret(ABANDON_ABOUT, null)))
        .isEqualTo("4ed8d4b17698ddeaa1f1559f152f87b5d472f725ca86d341bd0276f1b61197e2");
  }

  @Test
  void devPhraseDecodesToTheReferenceEntropyAndMiniSecret() {
    assertThat(HEX.formatHex(Mnemonic.toEntropy(DEV_PHRASE))).isEqualTo("1a486a5fbe53639984cb64b070755f7b");
    assertThat(HEX.formatHex(Mnemonic.toMiniSecret(DEV_PHRASE, "")))
        .isEqualTo("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
  }

  @Test
  void devPhraseKeyPairIsTheSubstrateDevAccount() {
    assertThat(HEX.formatHex(Mnemonic.toKeyPair(DEV_PHRASE, null).publicKey()))
        .isEqualTo("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
  }

  @Test
  void entropyEncodesBackToThePhrase() {
    assertThat(Mnemonic.fromEntropy(HEX.parseHex("1a486a5fbe53639984cb64b070755f7b"))).isEqualTo(DEV_PHRASE);
    assertThat(Mnemonic.fromEntropy(new byte[16])).isEqualTo(ABANDON_ABOUT);
  }

  @Test
  void everyEntropyLengthRoundTripsThroughAPhrase() {
    Random random = new Random(3);
    for (int bytes : new int[] {16, 20, 24, 28, 32}) {
      byte[] entropy = new byte[bytes];
      random.nextBytes(entropy);
      String phrase = Mnemonic.fromEntropy(entropy);
      assertThat(phrase.split(" ")).hasSize(bytes * 3 / 4);
      assertThat(Mnemonic.toEntropy(phrase)).isEqualTo(entropy);
    }
  }

  @Test
  void twentyFourWordPhraseOfAllOnesEndsWithTheStandardChecksumWord() {
    byte[] entropy = new byte[32];
    java.util.Arrays.fill(entropy, (byte) 0xFF);
    // BIP-39 reference vector: 0xff x 32 -> "zoo" x 23 + "vote".
    assertThat(Mnemonic.fromEntropy(entropy)).isEqualTo("zoo ".repeat(23) + "vote");
  }

  @Test
  void generatesTwelveWordPhrasesThatValidate() {
    HashSet<String> phrases = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String phrase = Mnemonic.generate();
      assertThat(phrase.split(" ")).hasSize(12);
      assertThat(Mnemonic.toEntropy(phrase)).hasSize(16);
      phrases.add(phrase);
    }
    assertThat(phrases).hasSize(20);
  }

  @Test
  void toleratesExtraWhitespaceBetweenWords() {
    assertThat(Mnemonic.toEntropy("  " + DEV_PHRASE.replace(" ", " \t ") + "\n"))
        .isEqualTo(HEX.parseHex("1a486a5fbe53639984cb64b070755f7b"));
  }

  @Test
  void rejectsAnUnknownWordNamingOnlyItsPosition() {
    String phrase = DEV_PHRASE.replace("smoke", "smoky");

    assertThatThrownBy(() -> Mnemonic.toEntropy(phrase))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY);
          assertThat(e.getMessage()).contains("Word 6 of 12").doesNotContain("smoky").doesNotContain("bottom");
        });
  }

  @Test
  void rejectsABadChecksumWithoutEchoingThePhrase() {
    String swapped = "drive bottom obey lake curtain smoke basket hold race lonely fit walk";

    assertThatThrownBy(() -> Mnemonic.toEntropy(swapped))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY);
          assertThat(e.getMessage()).contains("checksum").doesNotContain("bottom").doesNotContain("walk");
        });
  }

  @Test
  void rejectsAPhraseWithAnUnsupportedWordCount() {
    assertThatThrownBy(() -> Mnemonic.toEntropy("bottom drive obey lake curtain smoke basket hold race lonely fit"))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY);
          assertThat(e.getMessage()).contains("has 11");
        });
    assertThatThrownBy(() -> Mnemonic.toEntropy(" "))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.getMessage()).contains("has 0"));
  }

  @Test
  void rejectsEntropyOfAnUnsupportedLength() {
    assertThatThrownBy(() -> Mnemonic.seedFromEntropy(new byte[15], ""))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
    assertThatThrownBy(() -> Mnemonic.fromEntropy(new byte[18]))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }
}
