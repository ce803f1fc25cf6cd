package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * sr25519: Schnorr signatures over ristretto255 with Merlin transcripts, as implemented by
 * schnorrkel (0.9 and later) and used by Substrate: ed25519-style key expansion, signing contexts,
 * the signature marker bit, and soft/hard hierarchical derivation (HDKD).
 *
 * <p>Signatures are randomised (a synthetic nonce from the secret nonce plus fresh randomness), so
 * two signatures over the same message differ; both verify.
 */
public final class Sr25519 {
  public static final int MINI_SECRET_BYTES = 32;
  public static final int PUBLIC_KEY_BYTES = 32;
  public static final int SIGNATURE_BYTES = 64;
  /** The "privateKey" form used by wallets: secret scalar followed by the nonce. */
  public static final int PRIVATE_KEY_BYTES = 64;

  /** The signing context Substrate uses for extrinsics and for message signing. */
  public static final String SUBSTRATE_CONTEXT = "substrate";

  private static final byte[] EMPTY = new byte[0];
  private static final byte[] SUBSTRATE_CONTEXT_BYTES = SUBSTRATE_CONTEXT.getBytes(UTF_8);
  private static final byte[] SCHNORR_SIG = "Schnorr-sig".getBytes(UTF_8);
  private static final byte[] HDKD = "SchnorrRistrettoHDKD".getBytes(UTF_8);
  private static final RandomGenerator DEFAULT_RANDOM = new SecureRandom();

  private Sr25519() {}

  /** The randomness used when none is given: one shared {@link SecureRandom}. */
  static RandomGenerator defaultRandom() {
    return DEFAULT_RANDOM;
  }

  /**
   * Expands a 32-byte mini secret the way Substrate does (schnorrkel {@code ExpansionMode::Ed25519}):
   * {@code h = SHA-512(mini)}, clamp {@code h[0..32]} and divide it by the cofactor 8 to get the
   * secret scalar; {@code h[32..64]} is the nonce.
   */
  public static Sr25519KeyPair expandMiniSecret(byte[] miniSecret) {
    Objects.requireNonNull(miniSecret, "miniSecret");
    if (miniSecret.length != MINI_SECRET_BYTES) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "An sr25519 mini secret (seed) must be 32 bytes, got " + miniSecret.length);
    }
    byte[] hash = Hashing.sha512(miniSecret);
    byte[] key = Arrays.copyOfRange(hash, 0, 32);
    key[0] &= (byte) 248;
    key[31] &= 63;
    key[31] |= 64;
    divideByCofactor(key);
    byte[] nonce = Arrays.copyOfRange(hash, 32, 64);
    Arrays.fill(hash, (byte) 0);
    return new Sr25519KeyPair(key, nonce, Ristretto255.multiplyBase(key));
  }

  /** The public key of a canonical 32-byte secret scalar. */
  static byte[] publicKeyOf(byte[] secretKey) {
    return Ristretto255.multiplyBase(secretKey);
  }

  static boolean isCanonicalScalar(byte[] bytes) {
    return Ristretto255.isCanonicalScalar(bytes);
  }

  /** Signs {@code message} under {@code context}; the nonce mixes the key's nonce with {@code random}. */
  public static byte[] sign(Sr25519KeyPair pair, byte[] context, byte[] message, RandomGenerator random) {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(random, "random");
    byte[] publicKey = pair.publicKey();
    MerlinTranscript t = signingTranscript(context, message, publicKey);
    byte[] secretKey = pair.secretKey();
    byte[] nonce = pair.nonce();
    byte[] r = Ristretto255.reduceWide(t.witnessBytes("signing", 64, random, nonce));
    byte[] bigR = Ristretto255.multiplyBase(r);
    t.appendMessage("sign:R", bigR);
    byte[] k = Ristretto255.reduceWide(t.challengeBytes("sign:c", 64));
    byte[] s = Ristretto255.multiplyAdd(k, secretKey, r);
    Arrays.fill(secretKey, (byte) 0);
    Arrays.fill(nonce, (byte) 0);
    Arrays.fill(r, (byte) 0);
    byte[] signature = new byte[SIGNATURE_BYTES];
    System.arraycopy(bigR, 0, signature, 0, 32);
    System.arraycopy(s, 0, signature, 32, 32);
    signature[63] |= (byte) 0x80;
    return signature;
  }

  /** Verifies a signature made under the {@code "substrate"} context. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return verify(SUBSTRATE_CONTEXT_BYTES, publicKey, message, signature);
  }

  /**
   * Verifies {@code signature} over {@code message} under {@code context}. Returns false (never
   * throws) for a malformed public key or signature, a signature without the schnorrkel marker bit
   * (pre-0.8 format, which Substrate rejects), or a non-canonical {@code s}.
   */
  public static boolean verify(byte[] context, byte[] publicKey, byte[] message, byte[] signature) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    if (publicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    if ((signature[63] & 0x80) == 0) {
      return false;
    }
    byte[] bigR = Arrays.copyOfRange(signature, 0, 32);
    byte[] s = Arrays.copyOfRange(signature, 32, 64);
    s[31] &= 0x7F;
    if (!Ristretto255.isCanonicalScalar(s)) {
      return false;
    }
    MerlinTranscript t = signingTranscript(context, message, publicKey);
    t.appendMessage("sign:R", bigR);
    byte[] k = Ristretto255.reduceWide(t.challengeBytes("sign:c", 64));
    return Ristretto255.baseMinusMultiple(s, k, publicKey)
        .map(candidate -> MessageDigest.isEqual(candidate, bigR))
        .orElse(false);
  }

  /**
   * The mini secret of the hard derivation {@code //junction}: a Merlin challenge over the chain
   * code and the secret scalar. Substrate expands it into the child key pair.
   */
  public static byte[] hardDeriveMiniSecret(Sr25519KeyPair pair, byte[] chainCode) {
    Objects.requireNonNull(pair, "pair");
    checkChainCode(chainCode);
    MerlinTranscript t = new MerlinTranscript(HDKD);
    t.appendMessage("sign-bytes", EMPTY);
    t.appendMessage("chain-code", chainCode);
    byte[] secretKey = pair.secretKey();
    t.appendMessage("secret-key", secretKey);
    Arrays.fill(secretKey, (byte) 0);
    return t.challengeBytes("HDKD-hard", 32);
  }

  /** The child of a hard derivation: {@link #hardDeriveMiniSecret} expanded. */
  public static Sr25519KeyPair deriveHard(Sr25519KeyPair pair, byte[] chainCode) {
    byte[] mini = hardDeriveMiniSecret(pair, chainCode);
    try {
      return expandMiniSecret(mini);
    } finally {
      Arrays.fill(mini, (byte) 0);
    }
  }

  /**
   * The child of a soft derivation {@code /junction}: secret {@code key + x}, public {@code A + x·B}
   * where {@code x} is a Merlin challenge over the chain code and the public key. The child's nonce
   * comes from the witness RNG and is therefore random (as in schnorrkel).
   */
  public static Sr25519KeyPair deriveSoft(Sr25519KeyPair pair, byte[] chainCode, RandomGenerator random) {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(random, "random");
    checkChainCode(chainCode);
    byte[] publicKey = pair.publicKey();
    MerlinTranscript t = softTranscript();
    byte[] x = softScalar(t.copy(), chainCode, publicKey);
    byte[] secretKey = pair.secretKey();
    byte[] nonce = pair.nonce();
    byte[] privateKey = pair.privateKey();
    byte[] childNonce = t.witnessBytes("HDKD-nonce", 32, random, nonce, privateKey);
    byte[] childKey = Ristretto255.add(secretKey, x);
    Arrays.fill(secretKey, (byte) 0);
    Arrays.fill(nonce, (byte) 0);
    Arrays.fill(privateKey, (byte) 0);
    return new Sr25519KeyPair(childKey, childNonce, Ristretto255.multiplyBase(childKey));
  }

  /** The public key of the soft derivation {@code /junction}, computed from the public key alone. */
  public static byte[] deriveSoftPublicKey(byte[] publicKey, byte[] chainCode) {
    Objects.requireNonNull(publicKey, "publicKey");
    checkChainCode(chainCode);
    byte[] x = softScalar(softTranscript(), chainCode, publicKey);
    return Ristretto255.addMultipleOfBase(publicKey, x)
        .orElseThrow(() -> new KinitroException(ErrorCode.INVALID_KEY,
            "The public key is not a valid sr25519 (ristretto255) point"));
  }

  private static MerlinTranscript signingTranscript(byte[] context, byte[] message, byte[] publicKey) {
    MerlinTranscript t = new MerlinTranscript("SigningContext");
    t.appendMessage(EMPTY, context);
    t.appendMessage("sign-bytes", message);
    t.appendMessage("proto-name", SCHNORR_SIG);
    t.appendMessage("sign:pk", publicKey);
    return t;
  }

  private static MerlinTranscript softTranscript() {
    MerlinTranscript t = new MerlinTranscript(HDKD);
    t.appendMessage("sign-bytes", EMPTY);
    return t;
  }

  private static byte[] softScalar(MerlinTranscript t, byte[] chainCode, byte[] publicKey) {
    t.appendMessage("chain-code", chainCode);
    t.appendMessage("public-key", publicKey);
    return Ristretto255.reduceWide(t.challengeBytes("HDKD-scalar", 64));
  }

  private static void checkChainCode(byte[] chainCode) {
    Objects.requireNonNull(chainCode, "chainCode");
    if (chainCode.length != DeriveJunction.CHAIN_CODE_BYTES) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "A derivation chain code must be 32 bytes, got " + chainCode.length);
    }
  }

  /** Divides a 256-bit little-endian integer by 8 in place (a right shift by three bits). */
  private static void divideByCofactor(byte[] scalar) {
    int carry = 0;
    for (int i = scalar.length - 1; i >= 0; i--) {
      int b = scalar[i] & 0xFF;
      scalar[i] = (byte) ((b >>> 3) | carry);
      carry = (b & 7) << 5;
    }
  }

  static byte[] substrateContext() {
    return SUBSTRATE_CONTEXT_BYTES.clone();
  }
}
