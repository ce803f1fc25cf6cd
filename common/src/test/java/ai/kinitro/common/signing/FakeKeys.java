package ai.kinitro.common.signing;

import ai.kinitro.common.crypto.Signer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stand-ins for sr25519 in these tests: a "signature" is HMAC-SHA256 keyed by the public key,
 * padded with zeros to 64 bytes. Anyone can forge it, which is fine for testing the protocol logic
 * around it; a real-sr25519 test is added separately.
 */
final class FakeKeys {
  private FakeKeys() {}

  static Signer signer(byte[] publicKey) {
    byte[] pub = publicKey.clone();
    return new Signer() {
      @Override
      public byte[] publicKey() {
        return pub.clone();
      }

      @Override
      public byte[] sign(byte[] message) {
        return fakeSignature(pub, message);
      }
    };
  }

  static final SignatureVerifier VERIFIER =
      (publicKey, message, signature) -> MessageDigest.isEqual(fakeSignature(publicKey, message), signature);

  static byte[] fakeSignature(byte[] publicKey, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
      return Arrays.copyOf(mac.doFinal(message), 64);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A clock the test moves by hand. */
  static final class SettableClock implements InstantSource {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advanceMillis(long millis) {
      now = now.plusMillis(millis);
    }
  }
}
