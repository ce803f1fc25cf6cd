package ai.kinitro.common.wallet;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The decoded JSON of a btwallet keyfile. Every component may be null: a {@code coldkeypub.txt}
 * holds only the public key and address, a hotkey file usually holds everything.
 *
 * @param publicKey the 32-byte account id (JSON {@code publicKey} / {@code accountId})
 * @param privateKey the 64-byte expanded secret ({@code key ‖ nonce})
 * @param secretPhrase the mnemonic
 * @param secretSeed the 32-byte mini secret
 * @param ss58Address the SS58 address as written in the file (not checked against the key here)
 */
public record KeyfileContents(
    byte[] publicKey, byte[] privateKey, String secretPhrase, byte[] secretSeed, String ss58Address) {

  public KeyfileContents {
    publicKey = publicKey == null ? null : Keyfile.checkedCopy(publicKey, 32, "publicKey");
    privateKey = privateKey == null ? null : Keyfile.checkedCopy(privateKey, KeySource.PrivateKey.LENGTH, "privateKey");
    secretSeed = secretSeed == null ? null : Keyfile.checkedCopy(secretSeed, KeySource.Seed.LENGTH, "secretSeed");
  }

  /** Contents with only the public parts, as written to {@code coldkeypub.txt}. */
  public static KeyfileContents publicOnly(byte[] publicKey, String ss58Address) {
    Objects.requireNonNull(publicKey, "publicKey");
    return new KeyfileContents(publicKey, null, null, null, ss58Address);
  }

  /** This file without its secrets. */
  public KeyfileContents withoutSecrets() {
    return new KeyfileContents(publicKey, null, null, null, ss58Address);
  }

  /** The secret to load, by btwallet's priority: phrase, then seed, then private key. */
  public Optional<KeySource> keySource() {
    if (secretPhrase != null && !secretPhrase.isBlank()) {
      return Optional.of(new KeySource.Phrase(secretPhrase));
    }
    if (secretSeed != null) {
      return Optional.of(new KeySource.Seed(secretSeed));
    }
    if (privateKey != null) {
      return Optional.of(new KeySource.PrivateKey(privateKey));
    }
    return Optional.empty();
  }

  /** True if the file holds any secret (phrase, seed or private key). */
  public boolean hasSecret() {
    return keySource().isPresent();
  }

  @Override
  public byte[] publicKey() {
    return publicKey == null ? null : publicKey.clone();
  }

  @Override
  public byte[] privateKey() {
    return privateKey == null ? null : privateKey.clone();
  }

  @Override
  public byte[] secretSeed() {
    return secretSeed == null ? null : secretSeed.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyfileContents other
        && Arrays.equals(publicKey, other.publicKey)
        && Arrays.equals(privateKey, other.privateKey)
        && Objects.equals(secretPhrase, other.secretPhrase)
        && Arrays.equals(secretSeed, other.secretSeed)
        && Objects.equals(ss58Address, other.ss58Address);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(publicKey), Arrays.hashCode(privateKey), secretPhrase, Arrays.hashCode(secretSeed), ss58Address);
  }

  /** Shows public parts and only whether each secret is present. */
  @Override
  public String toString() {
    return "KeyfileContents[publicKey=" + (publicKey == null ? "null" : "0x" + HexFormat.of().formatHex(publicKey))
        + ", ss58Address=" + ss58Address
        + ", secretPhrase=" + (secretPhrase == null ? "absent" : "***")
        + ", secretSeed=" + (secretSeed == null ? "absent" : "***")
        + ", privateKey=" + (privateKey == null ? "absent" : "***") + "]";
  }
}
