package ai.kinitro.common.wallet;

import java.util.Arrays;
import java.util.Objects;

/**
 * The secret a keyfile gives us, in the order btwallet prefers it: the mnemonic phrase, else the
 * 32-byte mini-secret seed, else the 64-byte expanded private key ({@code key ‖ nonce}). Turning
 * it into an sr25519 key pair is the crypto package's job. {@code toString} never shows the
 * secret.
 */
public sealed interface KeySource {

  /** A BIP-39 mnemonic (substrate-bip39 derivation). */
  record Phrase(String phrase) implements KeySource {
    public Phrase {
      Objects.requireNonNull(phrase, "phrase");
    }

    @Override
    public String toString() {
      return "Phrase[***]";
    }
  }

  /** A 32-byte mini secret key. */
  record Seed(byte[] seed) implements KeySource {
    public static final int LENGTH = 32;

    public Seed {
      seed = Keyfile.checkedCopy(seed, LENGTH, "secretSeed");
    }

    @Override
    public byte[] seed() {
      return seed.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Seed other && Arrays.equals(other.seed, seed);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(seed);
    }

    @Override
    public String toString() {
      return "Seed[***]";
    }
  }

  /** A 64-byte expanded sr25519 secret: the scalar key followed by the nonce. */
  record PrivateKey(byte[] key) implements KeySource {
    public static final int LENGTH = 64;

    public PrivateKey {
      key = Keyfile.checkedCopy(key, LENGTH, "privateKey");
    }

    @Override
    public byte[] key() {
      return key.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PrivateKey other && Arrays.equals(other.key, key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
      return "PrivateKey[***]";
    }
  }
}
