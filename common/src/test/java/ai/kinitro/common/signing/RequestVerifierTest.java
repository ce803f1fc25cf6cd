package ai.kinitro.common.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RequestVerifierTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ALICE = HEX.parseHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
  private static final byte[] BOB = HEX.parseHex("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
  private static final String DOMAIN = "kinitro/backend/submission-upload";
  private static final String PATH = "/v1/submissions/request-upload";
  private static final byte[] BODY = "{\"competition_id\":\"c1\",\"version\":\"v-1\"}".getBytes(UTF_8);
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  private final FakeKeys.SettableClock minerClock = new FakeKeys.SettableClock(T0);
  private final FakeKeys.SettableClock serverClock = new FakeKeys.SettableClock(T0);
  private final RequestSigner alice = new RequestSigner(FakeKeys.signer(ALICE), minerClock, new Random(1));
  private final InMemoryNonceStore nonces = new InMemoryNonceStore(serverClock);
  private final RequestVerifier verifier = new RequestVerifier(DOMAIN, FakeKeys.VERIFIER, nonces, serverClock);

  @Test
  void aSignedRequestVerifiesThroughItsHttpHeaders() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);

    VerifiedRequest verified = verifier.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(request.headers()));

    assertThat(verified).isEqualTo(new VerifiedRequest(
        DOMAIN, Ss58.encode(ALICE), ALICE, T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), request.nonce(), false));
  }

  @Test
  void theSignerFillsEveryFieldAndSignsTheCanonicalMessage() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);

    assertThat(request.hotkey()).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    assertThat(request.timestampMillis()).isEqualTo(T0.toEpochMilli());
    assertThat(request.bodySha256()).isEqualTo(SignedRequest.bodySha256(BODY));
    assertThat(request.nonce()).matches("[0-9a-f]{32}");
    assertThat(request.signature()).isEqualTo(FakeKeys.fakeSignature(ALICE, request.canonicalMessage()));
  }

  @Test
  void everySignatureGetsAFreshNonce() {
    RequestSigner secure = new RequestSigner(FakeKeys.signer(ALICE));

    assertThat(secure.sign(DOMAIN, "GET", PATH, new byte[0]).nonce())
        .isNotEqualTo(secure.sign(DOMAIN, "GET", PATH, new byte[0]).nonce());
  }

  @Test
  void aRequestSignedForAnotherDomainIsRefused() {
    SignedRequest request = alice.sign("kinitro/backend/other", "POST", PATH, BODY);

    assertCode(() -> verify(request, "POST", PATH, BODY), ErrorCode.BAD_DOMAIN);
  }

  @Test
  void aChangedBodyBreaksTheSignature() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);
    byte[] tampered = "{\"competition_id\":\"c2\",\"version\":\"v-1\"}".getBytes(UTF_8);

    assertCode(() -> verify(request, "POST", PATH, tampered), ErrorCode.BAD_SIGNATURE);
  }

  @Test
  void aChangedPathOrQueryBreaksTheSignature() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);

    assertCode(() -> verify(request, "POST", "/v1/admin/request-upload", BODY), ErrorCode.BAD_SIGNATURE);
    assertCode(() -> verify(request, "POST", PATH + "?force=true", BODY), ErrorCode.BAD_SIGNATURE);
  }

  @Test
  void aChangedMethodBreaksTheSignature() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);

    assertCode(() -> verify(request, "PUT", PATH, BODY), ErrorCode.BAD_SIGNATURE);
  }

  @Test
  void aSignatureByAnotherKeyDoesNotVerifyForTheClaimedHotkey() {
    SignedRequest byBob = new RequestSigner(FakeKeys.signer(BOB), minerClock, new Random(2)).sign(DOMAIN, "POST", PATH, BODY);
    Map<String, String> headers = new LinkedHashMap<>(byBob.headers());
    headers.put(SignatureHeaders.HOTKEY, Ss58.encode(ALICE));

    assertCode(() -> verifier.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(headers)), ErrorCode.BAD_SIGNATURE);
  }

  @Test
  void aReplayedRequestIsRefused() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);
    verify(request, "POST", PATH, BODY);
    serverClock.advanceMillis(1_000);

    assertCode(() -> verify(request, "POST", PATH, BODY), ErrorCode.NONCE_REUSED);
  }

  @Test
  void aForgedRequestCannotBurnTheNonceOfAGenuineOne() {
    SignedRequest genuine = alice.sign(DOMAIN, "POST", PATH, BODY);
    Map<String, String> forged = new LinkedHashMap<>(genuine.headers());
    forged.put(SignatureHeaders.SIGNATURE, "0x" + "00".repeat(64));

    assertCode(() -> verifier.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(forged)), ErrorCode.BAD_SIGNATURE);
    assertThat(nonces.size()).isZero();
    assertThat(verify(genuine, "POST", PATH, BODY).nonce()).isEqualTo(genuine.nonce());
  }

  @Test
  void theSameNonceFromAnotherHotkeyIsIndependent() {
    SignedRequest fromAlice = alice.sign(DOMAIN, "POST", PATH, BODY);
    // Bob's signer draws nonces from an identically seeded generator, so the nonce repeats.
    SignedRequest fromBob = new RequestSigner(FakeKeys.signer(BOB), minerClock, new Random(1)).sign(DOMAIN, "POST", PATH, BODY);
    assertThat(fromBob.nonce()).isEqualTo(fromAlice.nonce());

    verify(fromAlice, "POST", PATH, BODY);

    assertThat(verify(fromBob, "POST", PATH, BODY).hotkey()).isEqualTo(Ss58.encode(BOB));
  }

  @Test
  void timestampsExactlyAtTheWindowEdgesAreAcceptedAndOneMillisecondBeyondAreStale() {
    Duration window = RequestVerifier.DEFAULT_WINDOW;

    // The miner's clock is ahead of the server's by exactly the window: accepted.
    minerClock.set(T0.plus(window));
    verify(alice.sign(DOMAIN, "GET", PATH, new byte[0]), "GET", PATH, new byte[0]);
    // One millisecond more: stale.
    minerClock.set(T0.plus(window).plusMillis(1));
    SignedRequest ahead = alice.sign(DOMAIN, "GET", PATH, new byte[0]);
    assertCode(() -> verify(ahead, "GET", PATH, new byte[0]), ErrorCode.STALE_TIMESTAMP);

    // Signed exactly one window ago: accepted; one millisecond older: stale.
    minerClock.set(T0.minus(window));
    verify(alice.sign(DOMAIN, "GET", PATH, new byte[0]), "GET", PATH, new byte[0]);
    minerClock.set(T0.minus(window).minusMillis(1));
    SignedRequest behind = alice.sign(DOMAIN, "GET", PATH, new byte[0]);
    assertCode(() -> verify(behind, "GET", PATH, new byte[0]), ErrorCode.STALE_TIMESTAMP);
  }

  @Test
  void aRequestHeldBackPastTheWindowIsStaleEvenThoughItWasNeverUsed() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);
    serverClock.advanceMillis(RequestVerifier.DEFAULT_WINDOW.toMillis() + 1);

    assertThatThrownBy(() -> verify(request, "POST", PATH, BODY))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STALE_TIMESTAMP))
        .hasMessageContaining("300 s either way")
        .hasMessageContaining("NTP");
  }

  @Test
  void theWindowIsConfigurable() {
    RequestVerifier strict = new RequestVerifier(DOMAIN, FakeKeys.VERIFIER, nonces, serverClock, Duration.ofSeconds(8));
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);
    serverClock.advanceMillis(8_001);

    assertCode(() -> strict.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(request.headers())),
        ErrorCode.STALE_TIMESTAMP);
  }

  @Test
  void theNonceIsRememberedUntilItsTimestampLeavesTheWindow() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);
    verify(request, "POST", PATH, BODY);

    serverClock.advanceMillis(RequestVerifier.DEFAULT_WINDOW.toMillis() - 1);
    assertThat(nonces.size()).isEqualTo(1);
    serverClock.advanceMillis(1);
    assertThat(nonces.size()).isZero();
  }

  @Test
  void aPolkadotJsBytesWrappedSignatureIsAccepted() {
    SignedRequest plain = alice.sign(DOMAIN, "POST", PATH, BODY);
    byte[] wrappedMessage = ("<Bytes>" + new String(plain.canonicalMessage(), UTF_8) + "</Bytes>").getBytes(UTF_8);
    Map<String, String> headers = new LinkedHashMap<>(plain.headers());
    headers.put(SignatureHeaders.SIGNATURE, "0x" + HEX.formatHex(FakeKeys.fakeSignature(ALICE, wrappedMessage)));

    VerifiedRequest verified = verifier.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(headers));

    assertThat(verified.polkadotJsWrapped()).isTrue();
  }

  @Test
  void aHotkeyWithABadChecksumIsAnInvalidKey() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);
    Map<String, String> headers = new LinkedHashMap<>(request.headers());
    String hotkey = request.hotkey();
    headers.put(SignatureHeaders.HOTKEY, hotkey.substring(0, hotkey.length() - 1) + "Z");

    assertCode(() -> verifier.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(headers)), ErrorCode.INVALID_KEY);
  }

  @Test
  void unsignedAndMalformedRequestsAreReportedAsSuch() {
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);
    Map<String, String> withoutSignature = new LinkedHashMap<>(request.headers());
    withoutSignature.remove(SignatureHeaders.SIGNATURE);

    assertCode(() -> verifier.verify("POST", PATH, BODY, name -> null), ErrorCode.UNAUTHENTICATED);
    assertCode(() -> verifier.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(withoutSignature)),
        ErrorCode.MALFORMED_SIGNED_REQUEST);
  }

  @Test
  void cheapChecksRunBeforeTheSignatureIsEvenComputed() {
    List<byte[]> verifiedMessages = new ArrayList<>();
    RequestVerifier counting = new RequestVerifier(DOMAIN, (pub, msg, sig) -> {
      verifiedMessages.add(msg);
      return FakeKeys.VERIFIER.verify(pub, msg, sig);
    }, nonces, serverClock);
    SignedRequest otherDomain = alice.sign("kinitro/other", "POST", PATH, BODY);
    minerClock.advanceMillis(-RequestVerifier.DEFAULT_WINDOW.toMillis() - 1);
    SignedRequest stale = alice.sign(DOMAIN, "POST", PATH, BODY);

    assertCode(() -> counting.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(otherDomain.headers())),
        ErrorCode.BAD_DOMAIN);
    assertCode(() -> counting.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(stale.headers())),
        ErrorCode.STALE_TIMESTAMP);
    assertThat(verifiedMessages).isEmpty();
  }

  @Test
  void aVerifierThatThrowsCountsAsABadSignature() {
    RequestVerifier throwing = new RequestVerifier(DOMAIN, (pub, msg, sig) -> {
      throw new IllegalStateException("boom");
    }, nonces, serverClock);
    SignedRequest request = alice.sign(DOMAIN, "POST", PATH, BODY);

    assertCode(() -> throwing.verify("POST", PATH, BODY, SignatureHeaders.Lookup.of(request.headers())),
        ErrorCode.BAD_SIGNATURE);
    assertThat(nonces.size()).isZero();
  }

  @Test
  void theSignerRefusesFieldsOutsideTheFormatWithoutSigning() {
    List<byte[]> signed = new ArrayList<>();
    RequestSigner recording = new RequestSigner(new ai.kinitro.common.crypto.Signer() {
      @Override
      public byte[] publicKey() {
        return ALICE.clone();
      }

      @Override
      public byte[] sign(byte[] message) {
        signed.add(message);
        return new byte[64];
      }
    }, minerClock, new Random(3));

    assertCode(() -> recording.sign(DOMAIN, "POST", "relative/path", BODY), ErrorCode.MALFORMED_SIGNED_REQUEST);
    assertCode(() -> recording.sign("bad domain", "POST", PATH, BODY), ErrorCode.MALFORMED_SIGNED_REQUEST);
    assertThat(signed).isEmpty();
  }

  private VerifiedRequest verify(SignedRequest request, String method, String path, byte[] body) {
    return verifier.verify(method, path, body, SignatureHeaders.Lookup.of(request.headers()));
  }

  private static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
