package ai.kinitro.common.signing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Verifies signed requests (see {@link SignedRequest} for the format) for one domain.
 *
 * <p>Checks run cheapest first, and the nonce is consumed only once everything else passed, so a
 * forged request cannot burn a nonce its victim is about to use:
 *
 * <ol>
 *   <li>headers present and well formed ({@link ErrorCode#UNAUTHENTICATED} if there are none,
 *       {@link ErrorCode#MALFORMED_SIGNED_REQUEST} otherwise), method and path well formed;
 *   <li>the domain is the expected one ({@link ErrorCode#BAD_DOMAIN});
 *   <li>the timestamp is within the replay window of our clock, both ways, bounds included
 *       ({@link ErrorCode#STALE_TIMESTAMP});
 *   <li>the hotkey is a valid format-42 SS58 address ({@link ErrorCode#INVALID_KEY});
 *   <li>the signature verifies over the message rebuilt from the received method, path and body
 *       bytes, plain or polkadot-js {@code <Bytes>}-wrapped ({@link ErrorCode#BAD_SIGNATURE}; a
 *       changed body or path shows up here);
 *   <li>the (hotkey, nonce) pair was never used ({@link ErrorCode#NONCE_REUSED}); it is then
 *       remembered until the timestamp leaves the window.
 * </ol>
 *
 * <p>A successful result says who signed; authorising that hotkey is up to the caller.
 */
public final class RequestVerifier {
  /** The default allowed clock difference, each way. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  private static final byte[] BYTES_OPEN = "<Bytes>".getBytes(US_ASCII);
  private static final byte[] BYTES_CLOSE = "</Bytes>".getBytes(US_ASCII);

  private final String expectedDomain;
  private final SignatureVerifier signatures;
  private final NonceStore nonces;
  private final InstantSource clock;
  private final Duration window;

  /**
   * @param expectedDomain the one domain this verifier accepts
   * @param signatures sr25519 verification (a fake in unit tests)
   * @param nonces where consumed nonces are recorded
   * @param clock our time
   * @param window the allowed difference between the signed timestamp and our clock, each way
   */
  public RequestVerifier(
      String expectedDomain, SignatureVerifier signatures, NonceStore nonces, InstantSource clock, Duration window) {
    SignedRequest.requireMatch(expectedDomain, SignedRequest.DOMAIN, "expected domain");
    this.expectedDomain = expectedDomain;
    this.signatures = Objects.requireNonNull(signatures, "signatures");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
  }

  /** With the {@link #DEFAULT_WINDOW} of five minutes. */
  public RequestVerifier(String expectedDomain, SignatureVerifier signatures, NonceStore nonces, InstantSource clock) {
    this(expectedDomain, signatures, nonces, clock, DEFAULT_WINDOW);
  }

  public String expectedDomain() {
    return expectedDomain;
  }

  public Duration window() {
    return window;
  }

  /**
   * Verifies a received request.
   *
   * @param method the HTTP method received
   * @param path the request target received (path and query, undecoded)
   * @param body the body bytes received (empty if none)
   * @param headers the received headers
   */
  public VerifiedRequest verify(String method, String path, byte[] body, SignatureHeaders.Lookup headers) {
    return verify(SignatureHeaders.parse(headers), method, path, body);
  }

  /** Verifies already parsed signature headers against the received method, path and body. */
  public VerifiedRequest verify(SignatureHeaders claimed, String method, String path, byte[] body) {
    Objects.requireNonNull(claimed, "claimed");
    Objects.requireNonNull(body, "body");
    SignedRequest.requireMatch(method, SignedRequest.METHOD, "method");
    SignedRequest.requireMatch(path, SignedRequest.PATH, "path");

    if (!claimed.domain().equals(expectedDomain)) {
      throw new KinitroException(ErrorCode.BAD_DOMAIN,
          "the request was signed for '" + claimed.domain() + "' but this endpoint accepts only '" + expectedDomain + "'");
    }

    Instant now = clock.instant();
    Instant signedAt = Instant.ofEpochMilli(claimed.timestampMillis());
    Duration skew = Duration.between(now, signedAt);
    if (skew.abs().compareTo(window) > 0) {
      throw new KinitroException(ErrorCode.STALE_TIMESTAMP,
          "the request was signed at " + signedAt + ", " + describe(skew) + " our time " + now
              + "; at most " + window.toSeconds() + " s either way is allowed: sign again just before sending, "
              + "and check that your clock is synchronised (NTP)");
    }

    byte[] publicKey = Ss58.decodePublicKey(claimed.hotkey());

    byte[] message = SignedRequest.canonicalMessage(expectedDomain, method, path, claimed.hotkey(),
        claimed.timestampMillis(), claimed.nonce(), SignedRequest.bodySha256(body));
    byte[] signature = claimed.signature();
    boolean wrapped;
    if (verifies(publicKey, message, signature)) {
      wrapped = false;
    } else if (verifies(publicKey, wrapBytes(message), signature)) {
      wrapped = true;
    } else {
      throw new KinitroException(ErrorCode.BAD_SIGNATURE,
          "the signature does not verify for hotkey " + claimed.hotkey() + " over this " + method + " " + path
              + " and its body; sign exactly the method, path (with query) and body bytes you send, with "
              + SignedRequest.VERSION_TAG + " messages");
    }

    if (!nonces.claim(claimed.hotkey(), claimed.nonce(), signedAt.plus(window))) {
      throw new KinitroException(ErrorCode.NONCE_REUSED,
          "the nonce " + claimed.nonce() + " was already used by " + claimed.hotkey()
              + "; sign every request afresh (a replayed request is refused)");
    }
    return new VerifiedRequest(expectedDomain, claimed.hotkey(), publicKey, signedAt, claimed.nonce(), wrapped);
  }

  private boolean verifies(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      return signatures.verify(publicKey.clone(), message, signature.clone());
    } catch (RuntimeException e) {
      // A verifier that throws on odd input must not turn into a 500 or a bypass.
      return false;
    }
  }

  /** The polkadot-js form: {@code <Bytes>} ‖ message ‖ {@code </Bytes>}. */
  static byte[] wrapBytes(byte[] message) {
    byte[] out = new byte[BYTES_OPEN.length + message.length + BYTES_CLOSE.length];
    System.arraycopy(BYTES_OPEN, 0, out, 0, BYTES_OPEN.length);
    System.arraycopy(message, 0, out, BYTES_OPEN.length, message.length);
    System.arraycopy(BYTES_CLOSE, 0, out, BYTES_OPEN.length + message.length, BYTES_CLOSE.length);
    return out;
  }

  private static String describe(Duration skew) {
    Duration abs = skew.abs();
    String amount = abs.toMillis() >= 10_000 ? abs.toSeconds() + " s" : abs.toMillis() + " ms";
    return amount + (skew.isNegative() ? " before" : " after");
  }
}
