package ai.kinitro.common.signing;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The signature part of a signed request as carried in HTTP headers. Method, path and body are
 * not headers: the verifier takes them from the request it actually received.
 *
 * <table>
 *   <caption>Headers</caption>
 *   <tr><td>{@value #DOMAIN}</td><td>the domain tag</td></tr>
 *   <tr><td>{@value #HOTKEY}</td><td>the signer's SS58 address</td></tr>
 *   <tr><td>{@value #TIMESTAMP}</td><td>Unix milliseconds, decimal</td></tr>
 *   <tr><td>{@value #NONCE}</td><td>32 lower-case hex digits</td></tr>
 *   <tr><td>{@value #SIGNATURE}</td><td>{@code 0x} + 128 hex digits</td></tr>
 * </table>
 *
 * @param domain the domain tag
 * @param hotkey the claimed signer
 * @param timestampMillis the signing time
 * @param nonce the single-use nonce
 * @param signature the 64-byte signature
 */
public record SignatureHeaders(String domain, String hotkey, long timestampMillis, String nonce, byte[] signature) {
  public static final String DOMAIN = "X-Kinitro-Domain";
  public static final String HOTKEY = "X-Kinitro-Hotkey";
  public static final String TIMESTAMP = "X-Kinitro-Timestamp";
  public static final String NONCE = "X-Kinitro-Nonce";
  public static final String SIGNATURE = "X-Kinitro-Signature";

  /** All five names, in the order they are written. */
  public static final List<String> NAMES = List.of(DOMAIN, HOTKEY, TIMESTAMP, NONCE, SIGNATURE);

  private static final Pattern TIMESTAMP_DIGITS = Pattern.compile("0|[1-9][0-9]{0,15}");
  private static final Pattern SIGNATURE_HEX = Pattern.compile("(0x)?[0-9a-fA-F]{128}");
  private static final HexFormat HEX = HexFormat.of();

  /** Looks up a header by name, case-insensitively; null when absent. */
  @FunctionalInterface
  public interface Lookup {
    String get(String name);

    /** A lookup over a map whose keys may use any case. */
    static Lookup of(Map<String, String> headers) {
      Map<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      folded.putAll(headers);
      return folded::get;
    }
  }

  public SignatureHeaders {
    SignedRequest.requireMatch(domain, SignedRequest.DOMAIN, "domain");
    SignedRequest.requireMatch(hotkey, SignedRequest.HOTKEY_CHARS, "hotkey");
    if (timestampMillis < 0) {
      throw SignedRequest.malformed("the timestamp must not be negative");
    }
    SignedRequest.requireMatch(nonce, SignedRequest.NONCE, "nonce");
    Objects.requireNonNull(signature, "signature");
    if (signature.length != SignedRequest.SIGNATURE_LENGTH) {
      throw SignedRequest.malformed("the signature must be 64 bytes, got " + signature.length);
    }
    signature = signature.clone();
  }

  /** The headers of a signed request. */
  public static SignatureHeaders of(SignedRequest request) {
    return new SignatureHeaders(
        request.domain(), request.hotkey(), request.timestampMillis(), request.nonce(), request.signature());
  }

  /** True if any of the five headers is present (the client tried to sign). */
  public static boolean anyPresent(Lookup headers) {
    return NAMES.stream().anyMatch(name -> headers.get(name) != null);
  }

  /**
   * Reads the five headers. None present is {@link ErrorCode#UNAUTHENTICATED} (the request is
   * not signed); some missing or malformed is {@link ErrorCode#MALFORMED_SIGNED_REQUEST} naming
   * the header.
   */
  public static SignatureHeaders parse(Lookup headers) {
    Objects.requireNonNull(headers, "headers");
    if (!anyPresent(headers)) {
      throw new KinitroException(ErrorCode.UNAUTHENTICATED,
          "the request is not signed: send the headers " + String.join(", ", NAMES));
    }
    String domain = require(headers, DOMAIN);
    String hotkey = require(headers, HOTKEY);
    String timestamp = require(headers, TIMESTAMP);
    String nonce = require(headers, NONCE);
    String signature = require(headers, SIGNATURE);
    if (!TIMESTAMP_DIGITS.matcher(timestamp).matches()) {
      throw SignedRequest.malformed("the header " + TIMESTAMP + " must be Unix milliseconds in decimal, got '"
          + SignedRequest.shorten(timestamp) + "'");
    }
    if (!SIGNATURE_HEX.matcher(signature).matches()) {
      throw SignedRequest.malformed("the header " + SIGNATURE + " must be 0x followed by 128 hex digits");
    }
    try {
      return new SignatureHeaders(domain, hotkey, Long.parseLong(timestamp), nonce,
          HEX.parseHex(signature.startsWith("0x") ? signature.substring(2) : signature));
    } catch (KinitroException e) {
      throw new KinitroException(e.code(), "bad signature headers: " + e.getMessage(), e);
    }
  }

  /** The five headers with their values, in {@link #NAMES} order. */
  public SequencedMap<String, String> toHttpHeaders() {
    SequencedMap<String, String> out = new LinkedHashMap<>();
    out.put(DOMAIN, domain);
    out.put(HOTKEY, hotkey);
    out.put(TIMESTAMP, Long.toString(timestampMillis));
    out.put(NONCE, nonce);
    out.put(SIGNATURE, "0x" + HEX.formatHex(signature));
    return out;
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  private static String require(Lookup headers, String name) {
    String value = headers.get(name);
    if (value == null || value.isBlank()) {
      throw SignedRequest.malformed("the header " + name + " is missing; a signed request needs all of "
          + String.join(", ", NAMES));
    }
    return value.strip();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignatureHeaders other
        && timestampMillis == other.timestampMillis
        && domain.equals(other.domain)
        && hotkey.equals(other.hotkey)
        && nonce.equals(other.nonce)
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, hotkey, timestampMillis, nonce, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "SignatureHeaders[domain=" + domain + ", hotkey=" + hotkey + ", timestampMillis=" + timestampMillis
        + ", nonce=" + nonce + ", signature=0x" + HEX.formatHex(signature) + "]";
  }
}
