package ai.kinitro.backend.nonce;

import ai.kinitro.common.signing.NonceStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link NonceStore} in {@code used_request_nonces}, shared by every backend instance: a claim is
 * one {@code INSERT ... ON CONFLICT DO NOTHING}, atomic across instances. {@code scope} separates
 * uses (miner upload requests, validator challenges). Expired rows are removed by {@link #purgeExpired}.
 */
public final class JdbcNonceStore implements NonceStore {
  /** Scope of signed miner HTTP requests. */
  public static final String SCOPE_SIGNED_REQUEST = "signed-request";
  /** Scope of validator handshake challenges. */
  public static final String SCOPE_VALIDATOR_CHALLENGE = "validator-challenge";

  private final JdbcClient jdbc;
  private final String scope;

  public JdbcNonceStore(JdbcClient jdbc, String scope) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  @Override
  public boolean claim(String hotkey, String nonce, Instant expiresAt) {
    int inserted = jdbc.sql("""
            INSERT INTO used_request_nonces (scope, signer, nonce, expires_at) VALUES (:scope, :signer, :nonce, :expires)
            ON CONFLICT (scope, signer, nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at, created_at = now()
              WHERE used_request_nonces.expires_at <= now()""")
        .param("scope", scope)
        .param("signer", hotkey)
        .param("nonce", nonce)
        .param("expires", Timestamp.from(expiresAt))
        .update();
    return inserted == 1;
  }

  /** Deletes nonces that expired before {@code now}; returns how many. */
  public int purgeExpired(Instant now) {
    return jdbc.sql("DELETE FROM used_request_nonces WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
  }
}
