package ai.kinitro.common.wallet;

import ai.kinitro.common.crypto.Mnemonic;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;

/** Turns the secret of a keyfile into an sr25519 key pair, and checks it against the file. */
public final class WalletKeys {
  private WalletKeys() {}

  /** The key pair of a secret, whichever form the keyfile stored it in. */
  public static Sr25519KeyPair keyPair(KeySource source) {
    return switch (source) {
      case KeySource.Phrase phrase -> Mnemonic.toKeyPair(phrase.phrase(), "");
      case KeySource.Seed seed -> Sr25519KeyPair.fromMiniSecret(seed.seed());
      case KeySource.PrivateKey key -> Sr25519KeyPair.fromPrivateKey(key.key());
    };
  }

  /**
   * The key pair of a keyfile. When the file also states a public key, it must match the one the
   * secret gives: a mismatch means a corrupt or hand-edited file, and signing with it would fail
   * later in a far more confusing place.
   */
  public static Sr25519KeyPair keyPair(KeyfileContents contents) {
    KeySource source = contents.keySource().orElseThrow(() -> new KinitroException(ErrorCode.INVALID_KEY,
        "The keyfile holds no secret (only a public key); use the hotkey file, not its pub.txt"));
    Sr25519KeyPair pair = keyPair(source);
    byte[] stated = contents.publicKey();
    if (stated != null && !Arrays.equals(stated, pair.publicKey())) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "The keyfile's secret does not belong to the public key it states; the file is corrupt or was edited");
    }
    return pair;
  }
}
