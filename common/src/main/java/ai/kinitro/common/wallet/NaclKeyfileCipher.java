package ai.kinitro.common.wallet;

import static java.nio.charset.StandardCharsets.US_ASCII;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The {@code $NACL} keyfile encryption of btwallet (and of the Python bittensor SDK since 6.x).
 *
 * <p>File layout: {@code "$NACL" ‖ nonce (24) ‖ MAC (16) ‖ ciphertext}; the part after the
 * marker is a NaCl {@code crypto_secretbox} (XSalsa20-Poly1305): the first 32 bytes of the
 * XSalsa20 keystream are the Poly1305 one-time key, the keystream from byte 32 on is XORed with
 * the data, and the MAC covers the ciphertext.
 *
 * <p>The key is Argon2i version 1.3 of the UTF-8 password with 8 passes over 512 MiB, parallelism
 * 1, 32 bytes of output and the fixed salt {@code 137183dff15a09bc9c90b5518739e9b1}
 * (libsodium's "sensitive" limits, as btwallet uses). Deriving it takes seconds and half a
 * gigabyte of heap; derive once per password.
 */
public final class NaclKeyfileCipher {
  public static final int KEY_LENGTH = 32;
  public static final int NONCE_LENGTH = 24;
  public static final int MAC_LENGTH = 16;

  private static final byte[] MARKER = "$NACL".getBytes(US_ASCII);
  private static final byte[] SALT = HexFormat.of().parseHex("137183dff15a09bc9c90b5518739e9b1");
  private static final int ARGON2_ITERATIONS = 8;
  private static final int ARGON2_MEMORY_KIB = 512 * 1024;
  private static final int ARGON2_PARALLELISM = 1;
  private static final int HEADER_LENGTH = MARKER.length + NONCE_LENGTH + MAC_LENGTH;
  private static final SecureRandom RANDOM = new SecureRandom();

  private NaclKeyfileCipher() {}

  /** True if {@code data} starts with the {@code $NACL} marker. */
  public static boolean isEncrypted(byte[] data) {
    Objects.requireNonNull(data, "data");
    return data.length >= MARKER.length && Arrays.equals(data, 0, MARKER.length, MARKER, 0, MARKER.length);
  }

  /**
   * The 32-byte secretbox key for {@code password}. The caller owns (and should zero) both the
   * password and the returned key; the UTF-8 copy made here is zeroed before returning.
   */
  public static byte[] deriveKey(char[] password) {
    Objects.requireNonNull(password, "password");
    byte[] passwordBytes = utf8(password);
    try {
      Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i)
          .withVersion(Argon2Parameters.ARGON2_VERSION_13)
          .withIterations(ARGON2_ITERATIONS)
          .withMemoryAsKB(ARGON2_MEMORY_KIB)
          .withParallelism(ARGON2_PARALLELISM)
          .withSalt(SALT)
          .build();
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(parameters);
      byte[] key = new byte[KEY_LENGTH];
      generator.generateBytes(passwordBytes, key);
      return key;
    } finally {
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  /**
   * The plaintext of an encrypted keyfile. A MAC mismatch (checked in constant time before any
   * decryption) is {@link ErrorCode#WRONG_PASSWORD}; a file without the marker or too short to
   * hold nonce and MAC is {@link ErrorCode#UNSUPPORTED_WALLET_FORMAT}.
   */
  public static byte[] decrypt(byte[] file, byte[] key) {
    Objects.requireNonNull(file, "file");
    checkKey(key);
    if (!isEncrypted(file)) {
      throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT,
          "the keyfile does not start with the $NACL marker, so it is not a NaCl-encrypted keyfile");
    }
    if (file.length < HEADER_LENGTH) {
      throw new KinitroException(ErrorCode.UNSUPPORTED_WALLET_FORMAT,
          "the encrypted keyfile is truncated: " + file.length + " bytes, but nonce and MAC alone need "
              + HEADER_LENGTH);
    }
    byte[] nonce = Arrays.copyOfRange(file, MARKER.length, MARKER.length + NONCE_LENGTH);
    byte[] mac = Arrays.copyOfRange(file, MARKER.length + NONCE_LENGTH, HEADER_LENGTH);
    byte[] ciphertext = Arrays.copyOfRange(file, HEADER_LENGTH, file.length);

    XSalsa20Engine stream = keystream(key, nonce);
    byte[] macKey = new byte[32];
    stream.processBytes(new byte[32], 0, 32, macKey, 0);
    byte[] expectedMac = poly1305(macKey, ciphertext);
    Arrays.fill(macKey, (byte) 0);
    if (!MessageDigest.isEqual(mac, expectedMac)) {
      throw new KinitroException(ErrorCode.WRONG_PASSWORD,
          "the password does not decrypt the keyfile (or the file is damaged): its authentication tag does not match");
    }
    byte[] plaintext = new byte[ciphertext.length];
    stream.processBytes(ciphertext, 0, ciphertext.length, plaintext, 0);
    stream.reset();
    return plaintext;
  }

  /** Encrypts with a fresh random nonce, producing the complete file contents. */
  public static byte[] encrypt(byte[] plaintext, byte[] key) {
    byte[] nonce = new byte[NONCE_LENGTH];
    RANDOM.nextBytes(nonce);
    return encrypt(plaintext, key, nonce);
  }

  /**
   * Encrypts with the given nonce. A nonce must never be reused with the same key; outside tests,
   * use {@link #encrypt(byte[], byte[])}.
   */
  public static byte[] encrypt(byte[] plaintext, byte[] key, byte[] nonce) {
    Objects.requireNonNull(plaintext, "plaintext");
    checkKey(key);
    Objects.requireNonNull(nonce, "nonce");
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("nonce must be " + NONCE_LENGTH + " bytes, got " + nonce.length);
    }
    XSalsa20Engine stream = keystream(key, nonce);
    byte[] macKey = new byte[32];
    stream.processBytes(new byte[32], 0, 32, macKey, 0);
    byte[] out = new byte[HEADER_LENGTH + plaintext.length];
    stream.processBytes(plaintext, 0, plaintext.length, out, HEADER_LENGTH);
    stream.reset();
    byte[] mac = poly1305(macKey, Arrays.copyOfRange(out, HEADER_LENGTH, out.length));
    Arrays.fill(macKey, (byte) 0);
    System.arraycopy(MARKER, 0, out, 0, MARKER.length);
    System.arraycopy(nonce, 0, out, MARKER.length, NONCE_LENGTH);
    System.arraycopy(mac, 0, out, MARKER.length + NONCE_LENGTH, MAC_LENGTH);
    return out;
  }

  private static XSalsa20Engine keystream(byte[] key, byte[] nonce) {
    XSalsa20Engine engine = new XSalsa20Engine();
    engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return engine;
  }

  private static byte[] poly1305(byte[] oneTimeKey, byte[] data) {
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(oneTimeKey));
    poly.update(data, 0, data.length);
    byte[] mac = new byte[MAC_LENGTH];
    poly.doFinal(mac, 0);
    return mac;
  }

  private static void checkKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("key must be " + KEY_LENGTH + " bytes, got " + key.length);
    }
  }

  private static byte[] utf8(char[] chars) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer;
    try {
      buffer = encoder.encode(CharBuffer.wrap(chars));
    } catch (CharacterCodingException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
          "the password contains an unpaired UTF-16 surrogate and cannot be encoded as UTF-8");
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    // Wipe the encoder's buffer (its backing array may be larger than the content).
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }
}
