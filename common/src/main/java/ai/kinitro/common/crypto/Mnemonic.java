package ai.kinitro.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.random.RandomGenerator;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Mnemonic phrases the Substrate way (substrate-bip39): the words are BIP-39 English words that
 * encode entropy plus a checksum, but the seed is derived from the <em>entropy</em>, not from the
 * phrase text as in plain BIP-39: {@code seed = PBKDF2-HMAC-SHA512(entropy, "mnemonic" + password,
 * 2048)}, and the sr25519 mini secret is its first 32 bytes.
 *
 * <p>Error messages never repeat the phrase or the password; they name a word only by position.
 */
public final class Mnemonic {
  private static final String WORD_LIST_RESOURCE = "bip39-english.txt";
  /** SHA-256 of the standard BIP-39 English list as published (2048 lines, each ending in '\n'). */
  private static final String WORD_LIST_SHA256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";
  private static final int WORD_COUNT = 2048;
  private static final int PBKDF2_ROUNDS = 2048;
  private static final RandomGenerator DEFAULT_RANDOM = new SecureRandom();

  private Mnemonic() {}

  /** The 2048 BIP-39 English words, in order (index = 11-bit value). */
  public static List<String> englishWords() {
    return words().words();
  }

  /** A new 12-word phrase from 16 bytes of {@link SecureRandom} entropy. */
  public static String generate() {
    return generate(DEFAULT_RANDOM);
  }

  /** A new 12-word phrase from 16 bytes drawn from {@code random}. */
  public static String generate(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    byte[] entropy = new byte[16];
    random.nextBytes(entropy);
    try {
      return fromEntropy(entropy);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /** The phrase for {@code entropy} (16, 20, 24, 28 or 32 bytes), with its checksum. */
  public static String fromEntropy(byte[] entropy) {
    checkEntropy(entropy);
    int entropyBits = entropy.length * 8;
    int checksumBits = entropyBits / 32;
    int words = (entropyBits + checksumBits) / 11;
    byte[] checksum = Hashing.sha256(entropy);
    StringJoiner phrase = new StringJoiner(" ");
    for (int w = 0; w < words; w++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        int bit = w * 11 + b;
        int value = bit < entropyBits ? bitAt(entropy, bit) : bitAt(checksum, bit - entropyBits);
        index = (index << 1) | value;
      }
      phrase.add(words().words().get(index));
    }
    return phrase.toString();
  }

  /**
   * The entropy a phrase encodes, after checking its length (12, 15, 18, 21 or 24 words), that
   * every word is in the English list, and the checksum. Words are separated by whitespace.
   */
  public static byte[] toEntropy(String phrase) {
    Objects.requireNonNull(phrase, "phrase");
    String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip();
    String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
    int count = words.length;
    if (count < 12 || count > 24 || count % 3 != 0) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "A mnemonic must have 12, 15, 18, 21 or 24 words; this one has " + count);
    }
    int totalBits = count * 11;
    int checksumBits = totalBits / 33;
    int entropyBits = totalBits - checksumBits;
    byte[] bits = new byte[(totalBits + 7) / 8];
    for (int w = 0; w < count; w++) {
      Integer index = words().index().get(words[w]);
      if (index == null) {
        throw new KinitroException(ErrorCode.INVALID_KEY, "Word " + (w + 1) + " of " + count
            + " of the mnemonic is not in the BIP-39 English word list (check its spelling; words are lowercase)");
      }
      for (int b = 0; b < 11; b++) {
        if ((index >>> (10 - b) & 1) != 0) {
          int bit = w * 11 + b;
          bits[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
      }
    }
    byte[] entropy = Arrays.copyOf(bits, entropyBits / 8);
    byte[] checksum = Hashing.sha256(entropy);
    for (int i = 0; i < checksumBits; i++) {
      if (bitAt(bits, entropyBits + i) != bitAt(checksum, i)) {
        Arrays.fill(bits, (byte) 0);
        Arrays.fill(entropy, (byte) 0);
        throw new KinitroException(ErrorCode.INVALID_KEY,
            "The mnemonic's checksum does not match: a word is wrong, missing or out of order");
      }
    }
    Arrays.fill(bits, (byte) 0);
    return entropy;
  }

  /** The 64-byte substrate-bip39 seed: PBKDF2-HMAC-SHA512(entropy, "mnemonic" + password, 2048). */
  public static byte[] seedFromEntropy(byte[] entropy, String password) {
    checkEntropy(entropy);
    byte[] salt = ("mnemonic" + (password == null ? "" : password)).getBytes(UTF_8);
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
    generator.init(entropy, salt, PBKDF2_ROUNDS);
    return ((KeyParameter) generator.generateDerivedParameters(512)).getKey();
  }

  /** The 32-byte sr25519 mini secret: the first half of {@link #seedFromEntropy}. */
  public static byte[] miniSecretFromEntropy(byte[] entropy, String password) {
    byte[] seed = seedFromEntropy(entropy, password);
    try {
      return Arrays.copyOf(seed, 32);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The mini secret of a phrase and an optional password ({@code null} or empty for none). */
  public static byte[] toMiniSecret(String phrase, String password) {
    byte[] entropy = toEntropy(phrase);
    try {
      return miniSecretFromEntropy(entropy, password);
    } finally {
      Arrays.fill(entropy, (byte) 0);
    }
  }

  /** The sr25519 key pair of a phrase and an optional password, as Substrate derives it. */
  public static Sr25519KeyPair toKeyPair(String phrase, String password) {
    byte[] mini = toMiniSecret(phrase, password);
    try {
      return Sr25519KeyPair.fromMiniSecret(mini);
    } finally {
      Arrays.fill(mini, (byte) 0);
    }
  }

  private static void checkEntropy(byte[] entropy) {
    Objects.requireNonNull(entropy, "entropy");
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
      throw new KinitroException(ErrorCode.INVALID_KEY,
          "Mnemonic entropy must be 16, 20, 24, 28 or 32 bytes, got " + entropy.length);
    }
  }

  private static int bitAt(byte[] data, int bit) {
    return (data[bit / 8] >>> (7 - bit % 8)) & 1;
  }

  private static volatile WordList wordList;

  /** The word list, loaded on first use; a damaged resource fails every call with the same error. */
  private static WordList words() {
    WordList loaded = wordList;
    if (loaded == null) {
      synchronized (Mnemonic.class) {
        loaded = wordList;
        if (loaded == null) {
          loaded = WordList.load();
          wordList = loaded;
        }
      }
    }
    return loaded;
  }

  /** The English list, checked against the published hash so a damaged copy cannot derive keys. */
  private record WordList(List<String> words, Map<String, Integer> index) {
    static WordList load() {
      byte[] bytes;
      try (InputStream in = Mnemonic.class.getResourceAsStream(WORD_LIST_RESOURCE)) {
        if (in == null) {
          throw corrupt("is missing from the class path", null);
        }
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw corrupt("could not be read", e);
      }
      String hash = HexFormat.of().formatHex(Hashing.sha256(bytes));
      if (!hash.equals(WORD_LIST_SHA256)) {
        throw corrupt("does not match the published SHA-256", null);
      }
      List<String> words = new String(bytes, UTF_8).lines().toList();
      if (words.size() != WORD_COUNT) {
        throw corrupt("has " + words.size() + " words instead of 2048", null);
      }
      Map<String, Integer> index = new HashMap<>(words.size() * 2);
      for (int i = 0; i < words.size(); i++) {
        index.put(words.get(i), i);
      }
      return new WordList(words, Map.copyOf(index));
    }

    private static KinitroException corrupt(String problem, Throwable cause) {
      return new KinitroException(ErrorCode.CRYPTO_RESOURCE_CORRUPT,
          "The bundled BIP-39 English word list (" + WORD_LIST_RESOURCE + ") " + problem
              + "; the build is damaged, reinstall Kinitro", cause);
    }
  }
}
