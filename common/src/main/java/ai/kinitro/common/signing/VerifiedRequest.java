package ai.kinitro.common.signing;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a successful verification proves: the holder of {@code hotkey} sent this method, path and
 * body for {@code domain} at {@code timestamp}, and this is the first time we saw it. Whether that
 * hotkey may do the operation (registered, permitted) is the caller's next check.
 *
 * @param domain the domain the request was signed for
 * @param hotkey the signer's SS58 address
 * @param publicKey the signer's 32-byte public key
 * @param timestamp the signing time
 * @param nonce the nonce now consumed
 * @param polkadotJsWrapped true if the signature covered the {@code <Bytes>}-wrapped message
 */
public record VerifiedRequest(
    String domain, String hotkey, byte[] publicKey, Instant timestamp, String nonce, boolean polkadotJsWrapped) {
  public VerifiedRequest {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(hotkey, "hotkey");
    publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(nonce, "nonce");
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifiedRequest other
        && domain.equals(other.domain)
        && hotkey.equals(other.hotkey)
        && Arrays.equals(publicKey, other.publicKey)
        && timestamp.equals(other.timestamp)
        && nonce.equals(other.nonce)
        && polkadotJsWrapped == other.polkadotJsWrapped;
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, hotkey, Arrays.hashCode(publicKey), timestamp, nonce, polkadotJsWrapped);
  }

  @Override
  public String toString() {
    return "VerifiedRequest[domain=" + domain + ", hotkey=" + hotkey + ", publicKey="
        + HexFormat.of().formatHex(publicKey) + ", timestamp=" + timestamp + ", nonce=" + nonce
        + ", polkadotJsWrapped=" + polkadotJsWrapped + "]";
  }
}
