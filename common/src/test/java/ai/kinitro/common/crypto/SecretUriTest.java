package ai.kinitro.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretUriTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String DEV = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
  private static final String ALICE = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

  private static String pub(String uri) {
    return HEX.formatHex(SecretUri.parse(uri).publicKey());
  }

  private static void assertInvalidKeyWithoutSecrets(String uri, String expectedFragment, String... secrets) {
    assertThatThrownBy(() -> SecretUri.parse(uri))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY);
          assertThat(e.getMessage()).contains(expectedFragment);
          for (String secret : secrets) {
            assertThat(e.getMessage()).doesNotContain(secret);
          }
        });
  }

  @Test
  void devPhraseWithHardAliceIsAlice() {
    assertThat(pub(DEV + "//Alice")).isEqualTo(ALICE);
  }

  @Test
  void aBarePathMeansTheDevPhrase() {
    assertThat(pub("//Alice")).isEqualTo(ALICE);
    assertThat(pub("//Bob")).isEqualTo("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
    assertThat(pub("//Alice//stash")).isEqualTo("be5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f");
    assertThat(pub("/Alice")).isEqualTo("d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e");
  }

  @Test
  void aPhraseAloneIsTheRootKey() {
    assertThat(pub(DEV)).isEqualTo("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
  }

  @Test
  void aHexSeedWithJunctionsDerivesLikeThePhraseItCameFrom() {
    String seed = "0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";

    assertThat(pub(seed)).isEqualTo("46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a");
    assertThat(pub(seed + "//Alice")).isEqualTo(ALICE);
  }

  @Test
  void aPasswordAfterTripleSlashChangesTheRootLikeAMnemonicPassword() {
    Sr25519KeyPair withPassword = SecretUri.parse(DEV + "///secret pass/with slash");

    assertThat(withPassword).isEqualTo(Mnemonic.toKeyPair(DEV, "secret pass/with slash"));
    assertThat(withPassword.publicKey()).isNotEqualTo(SecretUri.parse(DEV).publicKey());
  }

  @Test
  void junctionsComeBeforeThePassword() {
    Sr25519KeyPair pair = SecretUri.parse(DEV + "//Alice///pw");

    assertThat(pair).isEqualTo(Mnemonic.toKeyPair(DEV, "pw").derive(DeriveJunction.hard("Alice")));
  }

  @Test
  void parsesAMixedPathIntoHardAndSoftJunctions() {
    assertThat(SecretUri.parsePath("//hard/soft//0"))
        .containsExactly(DeriveJunction.hard("hard"), DeriveJunction.soft("soft"), DeriveJunction.hard("0"));
    assertThat(SecretUri.parsePath("")).isEqualTo(List.of());
  }

  @Test
  void rejectsAMalformedPath() {
    assertThatThrownBy(() -> SecretUri.parsePath("//a//"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
    assertThatThrownBy(() -> SecretUri.parsePath("Alice"))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }

  @Test
  void rejectsAnUnknownWordWithoutEchoingThePhrase() {
    assertInvalidKeyWithoutSecrets(DEV.replace("lake", "lack") + "//Alice", "Word 4 of 12", "bottom", "lack", "walk");
  }

  @Test
  void rejectsABadChecksumWithoutEchoingThePhraseOrPassword() {
    String swapped = "drive bottom obey lake curtain smoke basket hold race lonely fit walk";
    assertInvalidKeyWithoutSecrets(swapped + "///hunter2", "checksum", "bottom", "hunter2");
  }

  @Test
  void rejectsAHexSeedOfTheWrongLength() {
    assertInvalidKeyWithoutSecrets("0xfac7959dbfe72f05//Alice", "32 bytes", "fac7959dbfe72f05");
  }

  @Test
  void rejectsAHexSeedThatIsNotHex() {
    assertInvalidKeyWithoutSecrets("0xzz" + "00".repeat(31), "not valid hexadecimal", "zz00");
  }

  @Test
  void rejectsAPasswordWithAHexSeed() {
    assertInvalidKeyWithoutSecrets("0x" + "00".repeat(32) + "///hunter2", "only applies to a mnemonic", "hunter2");
  }

  @Test
  void rejectsAnEmptyUri() {
    assertInvalidKeyWithoutSecrets("  ", "empty");
  }

  @Test
  void rejectsPunctuationInThePhrase() {
    assertInvalidKeyWithoutSecrets("bottom-drive obey", "malformed", "bottom");
  }
}
