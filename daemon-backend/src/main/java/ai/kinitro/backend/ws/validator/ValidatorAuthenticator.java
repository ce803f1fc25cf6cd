package ai.kinitro.backend.ws.validator;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.backend.chain.SubnetMembership;
import ai.kinitro.common.crypto.Hashing;
import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.validator.Register;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks a {@code register} answer, in the order of docs/protocol.md §2.1: the nonce is this
 * connection's and unexpired; the API key is active, unexpired and has role validator (or admin);
 * a key bound to a hotkey names this one; the signed timestamp is within the window; the sr25519
 * signature verifies over {@link Register#signingPayload}; the hotkey holds a validator permit or
 * is allowed by configuration. Each failure throws its own error code.
 */
final class ValidatorAuthenticator {
  /** Who registered. */
  record Authenticated(String hotkey, long apiKeyId) {}

  private record Key(long id, String role, String associatedHotkey, boolean active, Instant expiresAt) {}

  private final JdbcTemplate jdbc;
  private final SubnetMembership membership;
  private final ValidatorChannelConfig config;
  private final Clock clock;

  ValidatorAuthenticator(JdbcTemplate jdbc, SubnetMembership membership, ValidatorChannelConfig config, Clock clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.membership = Objects.requireNonNull(membership, "membership");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Authenticated authenticate(Register register, String expectedNonce, Instant challengeExpiresAt) {
    Instant now = clock.instant();
    if (!register.nonce().equals(expectedNonce)) {
      throw new KinitroException(ErrorCode.NONCE_REUSED,
          "the nonce is not the one this connection's auth_challenge sent; sign the nonce you just received");
    }
    if (now.isAfter(challengeExpiresAt)) {
      throw new KinitroException(ErrorCode.CHALLENGE_EXPIRED,
          "the auth_challenge expired at " + challengeExpiresAt + "; answer within " + config.challengeTtl().toSeconds() + " s");
    }
    Key key = lookup(register.apiKey());
    if (!key.active() || (key.expiresAt() != null && !key.expiresAt().isAfter(now))) {
      throw new KinitroException(ErrorCode.UNAUTHENTICATED, "the API key is deactivated or expired; ask the subnet owner for a new one");
    }
    if (!key.role().equals("validator") && !key.role().equals("admin")) {
      throw new KinitroException(ErrorCode.PERMISSION_DENIED,
          "an API key with role '" + key.role() + "' cannot open the validator channel; a validator key is needed");
    }
    if (key.associatedHotkey() != null && !key.associatedHotkey().equals(register.hotkey())) {
      throw new KinitroException(ErrorCode.API_KEY_HOTKEY_MISMATCH,
          "this API key is bound to another hotkey than " + register.hotkey());
    }
    Duration skew = Duration.between(now, register.timestamp()).abs();
    if (skew.compareTo(config.timestampWindow()) > 0) {
      throw new KinitroException(ErrorCode.STALE_TIMESTAMP, "the register timestamp " + register.timestamp()
          + " is " + skew.toSeconds() + " s away from our time " + now + "; at most " + config.timestampWindow().toSeconds()
          + " s is allowed: check the validator's clock (NTP)");
    }
    byte[] publicKey = Ss58.decodePublicKey(register.hotkey());
    if (!Sr25519.verify(publicKey, register.signedPayload(), register.signatureBytes())) {
      throw new KinitroException(ErrorCode.BAD_SIGNATURE,
          "the signature does not verify for hotkey " + register.hotkey() + " over Register.signingPayload(nonce, hotkey, timestamp)");
    }
    boolean allowed = config.allowedHotkeys().contains(register.hotkey());
    if (config.requirePermit() && !allowed && !membership.hasValidatorPermit(register.hotkey())) {
      throw new KinitroException(ErrorCode.VALIDATOR_PERMIT_REQUIRED, "the hotkey " + register.hotkey()
          + " holds no validator permit on subnet " + "(metagraph); register and stake it first");
    }
    return new Authenticated(register.hotkey(), key.id());
  }

  private Key lookup(String apiKey) {
    String hash = HexFormat.of().formatHex(Hashing.sha256(apiKey.getBytes(UTF_8)));
    List<Key> keys = jdbc.query(
        "SELECT id, role, associated_hotkey, active, expires_at FROM api_keys WHERE key_hash = ?",
        (rs, i) -> new Key(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
        hash);
    if (keys.isEmpty()) {
      throw new KinitroException(ErrorCode.UNAUTHENTICATED, "the API key is not known to this backend");
    }
    return keys.getFirst();
  }
}
