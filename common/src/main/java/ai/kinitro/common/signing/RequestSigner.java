package ai.kinitro.common.signing;

import ai.kinitro.common.crypto.Signer;
import ai.kinitro.common.crypto.Ss58;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Signs HTTP requests with a hotkey (miners' upload requests and any other hotkey-authenticated
 * call). See {@link SignedRequest} for the signed bytes; send {@link SignedRequest#headers()} with
 * the request, and send the path and body exactly as signed.
 */
public final class RequestSigner {
  private final Signer signer;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final String hotkey;

  /**
   * @param signer the hotkey
   * @param clock the time source for timestamps
   * @param random the source of nonces; must be cryptographically strong outside tests
   */
  public RequestSigner(Signer signer, InstantSource clock, RandomGenerator random) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.hotkey = Ss58.encode(signer.publicKey());
  }

  /** With the system clock and a {@link SecureRandom}. */
  public RequestSigner(Signer signer) {
    this(signer, InstantSource.system(), new SecureRandom());
  }

  /** The SS58 address requests are signed with. */
  public String hotkey() {
    return hotkey;
  }

  /** Signs a request to send now with a fresh nonce. */
  public SignedRequest sign(String domain, String method, String path, byte[] body) {
    String bodySha256 = SignedRequest.bodySha256(Objects.requireNonNull(body, "body"));
    long timestamp = clock.instant().toEpochMilli();
    byte[] nonceBytes = new byte[16];
    random.nextBytes(nonceBytes);
    String nonce = HexFormat.of().formatHex(nonceBytes);
    // Validate the fields before signing: the record refuses anything outside the format.
    SignedRequest unsigned = new SignedRequest(
        domain, method, path, hotkey, timestamp, nonce, bodySha256, new byte[SignedRequest.SIGNATURE_LENGTH]);
    byte[] signature = signer.sign(unsigned.canonicalMessage());
    return new SignedRequest(domain, method, path, hotkey, timestamp, nonce, bodySha256, signature);
  }
}
