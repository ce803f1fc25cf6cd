package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.ProtocolVersion;
import java.time.Instant;

/**
 * Backend → validator, the first frame on every connection: a single-use nonce the validator must
 * sign in {@link Register}.
 *
 * @param protocolVersion the backend's protocol version
 * @param nonce random, single-use, 16..128 characters from {@code [A-Za-z0-9_.:-]}
 * @param serverTime the backend's clock, so the validator can detect skew
 * @param expiresAt the nonce is refused after this instant
 */
public record AuthChallenge(int protocolVersion, String nonce, Instant serverTime, Instant expiresAt)
    implements ValidatorMessage {
  public AuthChallenge {
    ProtocolVersion.require(protocolVersion);
    Register.checkNonce(nonce);
    Fields.required(serverTime, "server_time");
    Fields.required(expiresAt, "expires_at");
    if (!expiresAt.isAfter(serverTime)) {
      throw Fields.invalid("expires_at", "must be after 'server_time'");
    }
  }
}
