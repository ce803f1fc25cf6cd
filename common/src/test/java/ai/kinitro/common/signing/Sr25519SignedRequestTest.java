package ai.kinitro.common.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Signed requests end to end with real sr25519 keys, as miners and the backend use them. */
class Sr25519SignedRequestTest {
  private static final String DOMAIN = "kinitro/submission-upload";
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-23T12:00:00Z"));
  private final Sr25519KeyPair dave = SecretUri.parse("//Dave");

  private RequestVerifier verifier() {
    return new RequestVerifier(DOMAIN, Sr25519::verify, new InMemoryNonceStore(CLOCK), CLOCK);
  }

  @Test
  void aRequestSignedWithAnSr25519HotkeyVerifies() {
    byte[] body = "{\"competition_id\":\"c1\"}".getBytes(UTF_8);
    SignedRequest request = new RequestSigner(dave, CLOCK, RandomGenerator.of("L64X128MixRandom")).sign(DOMAIN, "POST", "/submissions/request-upload", body);

    VerifiedRequest verified = verifier().verify("POST", "/submissions/request-upload", body,
        SignatureHeaders.Lookup.of(request.headers()));

    assertThat(verified.publicKey()).isEqualTo(dave.publicKey());
    assertThat(verified.hotkey()).isEqualTo(request.hotkey());
  }

  @Test
  void aSignatureByAnotherRealKeyIsRefusedAsBadSignature() {
    byte[] body = new byte[0];
    SignedRequest byEve = new RequestSigner(SecretUri.parse("//Eve"), CLOCK, RandomGenerator.of("L64X128MixRandom")).sign(DOMAIN, "GET", "/x", body);
    var headers = new java.util.LinkedHashMap<>(byEve.headers());
    headers.put(SignatureHeaders.HOTKEY, new RequestSigner(dave).hotkey());

    assertThatThrownBy(() -> verifier().verify("GET", "/x", body, SignatureHeaders.Lookup.of(headers)))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SIGNATURE));
  }
}
