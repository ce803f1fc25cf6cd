package ai.kinitro.common.signing;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An HTTP request signed with a hotkey, and the exact bytes that are signed.
 *
 * <h2>Signed message (version 1)</h2>
 *
 * <p>The signature is sr25519 (signing context "substrate") over the UTF-8 bytes of eight lines
 * joined by a single {@code "\n"} (LF), with no trailing newline:
 *
 * <pre>
 * kinitro-signed-request/v1
 * &lt;domain&gt;
 * &lt;method&gt;
 * &lt;path&gt;
 * &lt;hotkey&gt;
 * &lt;timestamp&gt;
 * &lt;nonce&gt;
 * &lt;body-sha256&gt;
 * </pre>
 *
 * <ul>
 *   <li>{@code domain}: what the signature is for and who may accept it, for example {@code
 *       kinitro/backend/submission-upload}; 1 to 128 characters from {@code [A-Za-z0-9._:/-]}. A
 *       verifier accepts exactly one domain, so a signature made for one endpoint or service is
 *       useless at another.
 *   <li>{@code method}: the HTTP method in upper case ({@code [A-Z]{1,16}}).
 *   <li>{@code path}: the request target as sent on the wire: path plus {@code ?query} if any,
 *       percent-encoding untouched, starting with {@code /}; at most 2048 printable ASCII
 *       characters (no spaces or controls).
 *   <li>{@code hotkey}: the signer's SS58 address (format 42).
 *   <li>{@code timestamp}: milliseconds since the Unix epoch, in decimal without sign or leading
 *       zeros.
 *   <li>{@code nonce}: 128 random bits as 32 lower-case hex digits, used once per hotkey.
 *   <li>{@code body-sha256}: the SHA-256 of the exact body bytes, 64 lower-case hex digits (the
 *       hash of zero bytes when there is no body).
 * </ul>
 *
 * <p>No field can contain a line feed, so the message determines every field. The verifier also
 * accepts a signature over the same bytes wrapped in {@code <Bytes>}…{@code </Bytes>}, which is
 * what polkadot-js based wallets sign.
 *
 * @param domain the purpose and audience tag
 * @param method the HTTP method
 * @param path the request target (path and query)
 * @param hotkey the signer's SS58 address
 * @param timestampMillis when it was signed, in Unix milliseconds
 * @param nonce the single-use nonce
 * @param bodySha256 the body hash, lower-case hex
 * @param signature the 64-byte signature over {@link #canonicalMessage()}
 */
public record SignedRequest(
    String domain,
    String method,
    String path,
    String hotkey,
    long timestampMillis,
    String nonce,
    String bodySha256,
    byte[] signature) {

  /** The first line of every version-1 message. */
  public static final String VERSION_TAG = "kinitro-signed-request/v1";

  public static final int SIGNATURE_LENGTH = 64;

  static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");
  static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  static final Pattern PATH = Pattern.compile("/[\\x21-\\x7e]{0,2047}");
  /** Base58 characters only; the SS58 checksum is checked by the verifier. */
  static final Pattern HOTKEY_CHARS = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{1,64}");
  static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
  static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final HexFormat HEX = HexFormat.of();

  public SignedRequest {
    requireMatch(domain, DOMAIN, "domain");
    requireMatch(method, METHOD, "method");
    requireMatch(path, PATH, "path");
    requireMatch(hotkey, HOTKEY_CHARS, "hotkey");
    if (timestampMillis < 0) {
      throw malformed("the timestamp must not be negative");
    }
    requireMatch(nonce, NONCE, "nonce");
    requireMatch(bodySha256, SHA256_HEX, "body hash");
    Objects.requireNonNull(signature, "signature");
    if (signature.length != SIGNATURE_LENGTH) {
      throw malformed("the signature must be " + SIGNATURE_LENGTH + " bytes, got " + signature.length);
    }
    signature = signature.clone();
  }

  /** The bytes the signature covers (see the class description). */
  public byte[] canonicalMessage() {
    return canonicalMessage(domain, method, path, hotkey, timestampMillis, nonce, bodySha256);
  }

  /** The HTTP headers that carry this signature (method, path and body travel as themselves). */
  public java.util.SequencedMap<String, String> headers() {
    return SignatureHeaders.of(this).toHttpHeaders();
  }

  /** The signing time. */
  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMillis);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The signature as sent in the header: {@code 0x} + 128 lower-case hex digits. */
  public String signatureHex() {
    return "0x" + HEX.formatHex(signature);
  }

  /** SHA-256 of {@code body} as lower-case hex. */
  public static String bodySha256(byte[] body) {
    Objects.requireNonNull(body, "body");
    return HEX.formatHex(Hashing.sha256(body));
  }

  /** The canonical message for already validated fields. */
  static byte[] canonicalMessage(
      String domain, String method, String path, String hotkey, long timestampMillis, String nonce, String bodySha256) {
    String text = String.join("\n",
        VERSION_TAG, domain, method, path, hotkey, Long.toString(timestampMillis), nonce, bodySha256);
    return text.getBytes(UTF_8);
  }

  static void requireMatch(String value, Pattern pattern, String what) {
    Objects.requireNonNull(value, what);
    if (!pattern.matcher(value).matches()) {
      throw malformed("the " + what + " '" + shorten(value) + "' does not match " + pattern.pattern());
    }
  }

  static KinitroException malformed(String message) {
    return new KinitroException(ErrorCode.MALFORMED_SIGNED_REQUEST, message);
  }

  static String shorten(String value) {
    String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() <= 80 ? clean : clean.substring(0, 80) + "...";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedRequest other
        && timestampMillis == other.timestampMillis
        && domain.equals(other.domain)
        && method.equals(other.method)
        && path.equals(other.path)
        && hotkey.equals(other.hotkey)
        && nonce.equals(other.nonce)
        && bodySha256.equals(other.bodySha256)
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, method, path, hotkey, timestampMillis, nonce, bodySha256, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "SignedRequest[domain=" + domain + ", method=" + method + ", path=" + path + ", hotkey=" + hotkey
        + ", timestampMillis=" + timestampMillis + ", nonce=" + nonce + ", bodySha256=" + bodySha256
        + ", signature=" + signatureHex() + "]";
  }
}
