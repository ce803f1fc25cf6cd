package ai.kinitro.common.protocol.validator;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.ProtocolVersion;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Validator → backend, the answer to {@link AuthChallenge}: proves possession of the API key and
 * of the hotkey's secret key.
 *
 * @param protocolVersion the validator's protocol version
 * @param hotkey the validator's hotkey (SS58)
 * @param apiKey the API key issued to this validator (never logged: {@link #toString()} hides it)
 * @param nonce the nonce from the challenge
 * @param timestamp when the validator signed
 * @param signature {@code 0x} + 128 hex digits: sr25519 signature (Substrate context) by the
 *     hotkey over {@link #signingPayload(String, String, Instant)}
 */
public record Register(
    int protocolVersion, String hotkey, String apiKey, String nonce, Instant timestamp, String signature)
    implements ValidatorMessage {
  /** Domain tag of the signed handshake string; bump the suffix if its layout ever changes. */
  public static final String SIGNING_DOMAIN = "kinitro-validator-auth/v1";

  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_.:-]{16,128}");
  private static final Pattern SIGNATURE = Pattern.compile("0x[0-9a-fA-F]{128}");

  public Register {
    ProtocolVersion.require(protocolVersion);
    Fields.hotkey(hotkey, "hotkey");
    Fields.text(apiKey, "api_key", 256);
    checkNonce(nonce);
    Fields.required(timestamp, "timestamp");
    Fields.required(signature, "signature");
    if (!SIGNATURE.matcher(signature).matches()) {
      throw Fields.invalid("signature", "must be 0x followed by 128 hex digits");
    }
  }

  static void checkNonce(String nonce) {
    Fields.required(nonce, "nonce");
    if (!NONCE.matcher(nonce).matches()) {
      throw Fields.invalid("nonce", "must be 16 to 128 characters from [A-Za-z0-9_.:-]");
    }
  }

  /**
   * The exact bytes the validator signs: the UTF-8 encoding of
   *
   * <pre>kinitro-validator-auth/v1\n&lt;nonce&gt;\n&lt;hotkey&gt;\n&lt;timestamp as Unix epoch milliseconds&gt;</pre>
   *
   * The domain tag keeps the signature from being valid for any other Kinitro message; the nonce
   * binds it to one connection attempt; milliseconds avoid the many spellings of an ISO instant.
   */
  public static byte[] signingPayload(String nonce, String hotkey, Instant timestamp) {
    checkNonce(nonce);
    Fields.hotkey(hotkey, "hotkey");
    Fields.required(timestamp, "timestamp");
    return (SIGNING_DOMAIN + "\n" + nonce + "\n" + hotkey + "\n" + timestamp.toEpochMilli()).getBytes(UTF_8);
  }

  /** The bytes this message's signature must cover. */
  public byte[] signedPayload() {
    return signingPayload(nonce, hotkey, timestamp);
  }

  /** The 64 signature bytes. */
  public byte[] signatureBytes() {
    return HexFormat.of().parseHex(signature, 2, signature.length());
  }

  /** Builds the message from a raw 64-byte signature. */
  public static Register signed(String hotkey, String apiKey, String nonce, Instant timestamp, byte[] signature) {
    if (signature == null || signature.length != 64) {
      throw Fields.invalid("signature", "must be 64 bytes");
    }
    return new Register(ProtocolVersion.CURRENT, hotkey, apiKey, nonce, timestamp, "0x" + HexFormat.of().formatHex(signature));
  }

  @Override
  public String toString() {
    return "Register[protocolVersion=" + protocolVersion + ", hotkey=" + hotkey + ", apiKey=<redacted>, nonce="
        + nonce + ", timestamp=" + timestamp + ", signature=" + signature + "]";
  }
}
