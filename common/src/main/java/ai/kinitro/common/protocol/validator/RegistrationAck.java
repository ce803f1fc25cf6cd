package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import java.time.Instant;

/**
 * Backend → validator: the handshake succeeded. After it the backend redelivers every unacked
 * durable message for this validator, and the validator does the same.
 *
 * @param connectionId the backend's id for this connection (for logs and support)
 * @param heartbeatIntervalSeconds how often the validator must send {@link Heartbeat}; the backend
 *     drops the connection after three missed intervals
 * @param serverTime the backend's clock
 */
public record RegistrationAck(String connectionId, int heartbeatIntervalSeconds, Instant serverTime)
    implements ValidatorMessage {
  public RegistrationAck {
    Fields.token(connectionId, "connection_id");
    Fields.between(heartbeatIntervalSeconds, 1, 3600, "heartbeat_interval_seconds");
    Fields.required(serverTime, "server_time");
  }
}
