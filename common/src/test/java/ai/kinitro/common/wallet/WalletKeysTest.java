package ai.kinitro.common.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import org.junit.jupiter.api.Test;

class WalletKeysTest {
  private static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
  private static final Sr25519KeyPair ROOT = SecretUri.parse(DEV_PHRASE);

  @Test
  void everyStoredFormOfTheSameSecretGivesTheSameKey() {
    Sr25519KeyPair fromPhrase = WalletKeys.keyPair(new KeySource.Phrase(DEV_PHRASE));
    Sr25519KeyPair fromPrivate = WalletKeys.keyPair(new KeySource.PrivateKey(ROOT.privateKey()));
    byte[] mini = java.util.HexFormat.of().parseHex("fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
    Sr25519KeyPair fromSeed = WalletKeys.keyPair(new KeySource.Seed(mini));

    assertThat(fromPhrase).isEqualTo(ROOT);
    assertThat(fromPrivate).isEqualTo(ROOT);
    assertThat(fromSeed).isEqualTo(ROOT);
  }

  @Test
  void aKeyfileWhoseSecretDoesNotMatchItsPublicKeyIsRefused() {
    byte[] otherPublic = SecretUri.parse("//Bob").publicKey();
    KeyfileContents corrupt = new KeyfileContents(otherPublic, null, DEV_PHRASE, null, null);

    assertThatThrownBy(() -> WalletKeys.keyPair(corrupt))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_KEY));
  }

  @Test
  void aPublicOnlyKeyfileHasNoKeyPair() {
    KeyfileContents pub = KeyfileContents.publicOnly(ROOT.publicKey(), null);
    assertThatThrownBy(() -> WalletKeys.keyPair(pub)).isInstanceOf(KinitroException.class).hasMessageContaining("pub.txt");
  }
}
