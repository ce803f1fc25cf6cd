package ai.kinitro.common.crypto;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An sr25519 key pair: the secret scalar (32 bytes, canonical, below ℓ), the signing nonce seed
 * (32 bytes) and the public key (32-byte compressed ristretto255 point). The constructor checks
 * that the public key belongs to the secret key. Accessors return copies; {@link #toString()}
 * shows only the public key.
 *
 * @param secretKey the secret scalar, little-endian
 * @param nonce the secret nonce seed mixed into every signature's synthetic nonce
 * @param publicKey {@code secretKey · B}, compressed
 */
public record Sr25519KeyPair(byte[] secretKey, byte[] nonce, byte[] publicKey) implements Signer {
  private static final HexFormat HEX = HexFormat.of();

  public Sr25519KeyPair {
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(publicKey, "publicKey");
    if (secretKey.length != 32 || nonce.length != 32 || publicKey.length != Sr25519.PUBLIC_KEY_BYTES) {
      throw new KinitroException(ErrorCode.INVALID_KEY, "An sr25519 key pair needs a 32-byte secret key, "
          + "a 32-byte nonce and a 32-byte public key; got " + secretKey.length + ", " + nonce.length
          + " and " + publicKey.length + " bytes");
    }
    if (!Sr25519.isCanonicalScalar(secretKey)) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "The sr25519 secret key is not a canonical scalar (it must be below the group order)");
    }
    secretKey = secretKey.clone();
    nonce = nonce.clone();
    publicKey = publicKey.clone();
    if (!MessageDigest.isEqual(Sr25519.publicKeyOf(secretKey), publicKey)) {
      throw new KinitroException(ErrorCode.INVALID_KEY, "The public key does not belong to the secret key");
    }
  }

  /** The key pair Substrate derives from a 32-byte mini secret ("seed"). */
  public static Sr25519KeyPair fromMiniSecret(byte[] miniSecret) {
    return Sr25519.expandMiniSecret(miniSecret);
  }

  /**
   * Imports the 64-byte "privateKey" form of wallets and sp-core ({@code secretKey ‖ nonce}); the
   * public key is recomputed.
   */
  public static Sr25519KeyPair fromPrivateKey(byte[] privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    if (privateKey.length != Sr25519.PRIVATE_KEY_BYTES) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "An sr25519 private key must be 64 bytes (secret key and nonce), got " + privateKey.length);
    }
    byte[] key = Arrays.copyOfRange(privateKey, 0, 32);
    byte[] nonce = Arrays.copyOfRange(privateKey, 32, 64);
    if (!Sr25519.isCanonicalScalar(key)) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "The first 32 bytes of the sr25519 private key are not a canonical scalar");
    }
    try {
      return new Sr25519KeyPair(key, nonce, Sr25519.publicKeyOf(key));
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(nonce, (byte) 0);
    }
  }

  @Override
  public byte[] secretKey() {
    return secretKey.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The 64-byte "privateKey" export: {@code secretKey ‖ nonce}. */
  public byte[] privateKey() {
    byte[] out = new byte[Sr25519.PRIVATE_KEY_BYTES];
    System.arraycopy(secretKey, 0, out, 0, 32);
    System.arraycopy(nonce, 0, out, 32, 32);
    return out;
  }

  /** Signs under the {@code "substrate"} context with a {@link java.security.SecureRandom}. */
  @Override
  public byte[] sign(byte[] message) {
    return Sr25519.sign(this, Sr25519.substrateContext(), message, Sr25519.defaultRandom());
  }

  /** Signs under {@code context}, drawing the witness randomness from {@code random}. */
  public byte[] sign(byte[] context, byte[] message, RandomGenerator random) {
    return Sr25519.sign(this, context, message, random);
  }

  /** The child key pair for one junction ({@code //hard} or {@code /soft}). */
  public Sr25519KeyPair derive(DeriveJunction junction) {
    return derive(junction, Sr25519.defaultRandom());
  }

  /** As {@link #derive(DeriveJunction)}; {@code random} feeds the nonce of a soft child. */
  public Sr25519KeyPair derive(DeriveJunction junction, RandomGenerator random) {
    Objects.requireNonNull(junction, "junction");
    return junction.hard()
        ? Sr25519.deriveHard(this, junction.chainCode())
        : Sr25519.deriveSoft(this, junction.chainCode(), random);
  }

  /** Equal when all three parts are equal (compared in constant time). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Sr25519KeyPair that
        && MessageDigest.isEqual(secretKey, that.secretKey)
        && MessageDigest.isEqual(nonce, that.nonce)
        && MessageDigest.isEqual(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "Sr25519KeyPair[publicKey=0x" + HEX.formatHex(publicKey) + "]";
  }
}
