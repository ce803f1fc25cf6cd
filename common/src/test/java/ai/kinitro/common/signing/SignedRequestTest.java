package ai.kinitro.common.signing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedRequestTest {
  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String NONCE = "000102030405060708090a0b0c0d0e0f";
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final byte[] SIGNATURE = HexFormat.of().parseHex("11".repeat(64));

  private static SignedRequest sample() {
    return new SignedRequest("kinitro/backend/submission-upload", "POST", "/v1/submissions/request-upload?x=1", ALICE,
        1_700_000_000_123L, NONCE, EMPTY_SHA256, SIGNATURE);
  }

  @Test
  void theCanonicalMessageIsTheEightDocumentedLinesWithoutATrailingNewline() {
    String expected = "kinitro-signed-request/v1\n"
        + "kinitro/backend/submission-upload\n"
        + "POST\n"
        + "/v1/submissions/request-upload?x=1\n"
        + ALICE + "\n"
        + "1700000000123\n"
        + NONCE + "\n"
        + EMPTY_SHA256;

    assertThat(new String(sample().canonicalMessage(), UTF_8)).isEqualTo(expected);
  }

  @Test
  void theBodyHashIsLowerHexSha256OfTheExactBytes() {
    assertThat(SignedRequest.bodySha256(new byte[0])).isEqualTo(EMPTY_SHA256);
    assertThat(SignedRequest.bodySha256("abc".getBytes(UTF_8)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void headersCarryDomainHotkeyTimestampNonceAndHexSignatureInOrder() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("X-Kinitro-Domain", "kinitro/backend/submission-upload");
    expected.put("X-Kinitro-Hotkey", ALICE);
    expected.put("X-Kinitro-Timestamp", "1700000000123");
    expected.put("X-Kinitro-Nonce", NONCE);
    expected.put("X-Kinitro-Signature", "0x" + "11".repeat(64));

    assertThat(sample().headers()).containsExactlyEntriesOf(expected);
  }

  @Test
  void headersParseBackRegardlessOfNameCase() {
    Map<String, String> lowerCased = new LinkedHashMap<>();
    sample().headers().forEach((name, value) -> lowerCased.put(name.toLowerCase(), value));

    assertThat(SignatureHeaders.parse(SignatureHeaders.Lookup.of(lowerCased))).isEqualTo(SignatureHeaders.of(sample()));
  }

  @Test
  void noSignatureHeadersAtAllMeansUnauthenticated() {
    assertThatThrownBy(() -> SignatureHeaders.parse(name -> null))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
  }

  @Test
  void aMissingHeaderIsNamed() {
    Map<String, String> headers = new LinkedHashMap<>(sample().headers());
    headers.remove("X-Kinitro-Nonce");

    assertMalformed(headers, "X-Kinitro-Nonce is missing");
  }

  @Test
  void malformedHeaderValuesAreRefusedWithTheHeaderNamed() {
    assertMalformed(with("X-Kinitro-Timestamp", "-5"), "X-Kinitro-Timestamp");
    assertMalformed(with("X-Kinitro-Timestamp", "017"), "X-Kinitro-Timestamp");
    assertMalformed(with("X-Kinitro-Timestamp", "1e9"), "X-Kinitro-Timestamp");
    assertMalformed(with("X-Kinitro-Signature", "0x1234"), "X-Kinitro-Signature");
    assertMalformed(with("X-Kinitro-Nonce", NONCE.toUpperCase()), "nonce");
    assertMalformed(with("X-Kinitro-Nonce", NONCE + "00"), "nonce");
    assertMalformed(with("X-Kinitro-Domain", "two\nlines"), "domain");
    assertMalformed(with("X-Kinitro-Hotkey", "0OIl"), "hotkey");
  }

  @Test
  void fieldsThatCouldBreakTheLineFormatAreRefused() {
    assertThatThrownBy(() -> new SignedRequest("d", "POST", "/a\nb", ALICE, 1, NONCE, EMPTY_SHA256, SIGNATURE))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SIGNED_REQUEST));
    assertThatThrownBy(() -> new SignedRequest("d", "post", "/a", ALICE, 1, NONCE, EMPTY_SHA256, SIGNATURE))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SIGNED_REQUEST));
    assertThatThrownBy(() -> new SignedRequest("d", "GET", "no-slash", ALICE, 1, NONCE, EMPTY_SHA256, SIGNATURE))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SIGNED_REQUEST));
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>(sample().headers());
    headers.put(name, value);
    return headers;
  }

  private static void assertMalformed(Map<String, String> headers, String fragment) {
    assertThatThrownBy(() -> SignatureHeaders.parse(SignatureHeaders.Lookup.of(headers)))
        .isInstanceOfSatisfying(KinitroException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SIGNED_REQUEST))
        .hasMessageContaining(fragment);
  }
}
