package ai.kinitro.common.crypto;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret URIs as {@code subkey inspect} accepts them: {@code <secret>[//hard|/soft]*[///password]}
 * where the secret is a mnemonic phrase or a {@code 0x}-prefixed 32-byte hex seed (mini secret).
 * A URI that starts with a path ({@code //Alice}) means the well-known development phrase {@link
 * #DEV_PHRASE}.
 *
 * <p>Two deliberate differences from sp-core, both to avoid silent surprises: an empty URI is
 * rejected (sp-core would return the development root key), and a password together with a hex
 * seed is rejected (sp-core ignores it). Error messages never contain the phrase, seed or password.
 */
public final class SecretUri {
  /** The public development phrase of Substrate ({@code sp_core::crypto::DEV_PHRASE}); not a secret. */
  public static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

  private static final Pattern URI = Pattern.compile(
      "^([\\w ]+)?((?://?[^/]+)*)(?:///(.*))?$", Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
  private static final Pattern JUNCTION = Pattern.compile("/(/?[^/]+)");
  private static final String SYNTAX =
      "expected <mnemonic phrase or 0x seed>[//hard or /soft junctions][///password], or a path such as //Alice";

  private SecretUri() {}

  /** The key pair a secret URI names. Soft junctions draw the child nonce from a SecureRandom. */
  public static Sr25519KeyPair parse(String uri) {
    return parse(uri, Sr25519.defaultRandom());
  }

  /** As {@link #parse(String)}, with the randomness used for the nonce of soft derivations. */
  public static Sr25519KeyPair parse(String uri, RandomGenerator random) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(random, "random");
    if (uri.isBlank()) {
      throw invalid("The secret URI is empty; " + SYNTAX);
    }
    Matcher m = URI.matcher(uri);
    if (!m.matches()) {
      throw invalid("The secret URI is malformed (the phrase may contain only letters, digits and spaces); " + SYNTAX);
    }
    String phrase = m.group(1);
    List<DeriveJunction> path = parsePath(m.group(2));
    String password = m.group(3);

    Sr25519KeyPair pair = rootKeyPair(phrase == null ? DEV_PHRASE : phrase, password);
    for (DeriveJunction junction : path) {
      pair = pair.derive(junction, random);
    }
    return pair;
  }

  /**
   * The junctions of a derivation path such as {@code //hard/soft//0}: each {@code //x} is hard,
   * each {@code /x} soft. The empty string is the empty path.
   */
  public static List<DeriveJunction> parsePath(String path) {
    Objects.requireNonNull(path, "path");
    List<DeriveJunction> junctions = new ArrayList<>();
    Matcher m = JUNCTION.matcher(path);
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      String code = m.group(1);
      junctions.add(code.startsWith("/") ? DeriveJunction.hard(code.substring(1)) : DeriveJunction.soft(code));
      end = m.end();
    }
    if (end != path.length()) {
      throw invalid("The derivation path is malformed: each junction must be //name (hard) or /name (soft) "
          + "with a non-empty name");
    }
    return List.copyOf(junctions);
  }

  private static Sr25519KeyPair rootKeyPair(String secret, String password) {
    if (secret.startsWith("0x")) {
      if (password != null) {
        throw invalid("A password (///) only applies to a mnemonic phrase, not to a 0x hex seed; remove it");
      }
      byte[] seed;
      try {
        seed = HexFormat.of().parseHex(secret.substring(2));
      } catch (IllegalArgumentException e) {
        throw invalid("The 0x seed in the secret URI is not valid hexadecimal");
      }
      try {
        if (seed.length != Sr25519.MINI_SECRET_BYTES) {
          throw invalid("The 0x seed in the secret URI must be 32 bytes (64 hex digits), got " + seed.length
              + " bytes");
        }
        return Sr25519KeyPair.fromMiniSecret(seed);
      } finally {
        Arrays.fill(seed, (byte) 0);
      }
    }
    return Mnemonic.toKeyPair(secret, password);
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_KEY, message);
  }
}
