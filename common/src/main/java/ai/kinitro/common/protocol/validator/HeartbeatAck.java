package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import java.time.Instant;

/**
 * Backend → validator, the answer to each {@link Heartbeat}.
 *
 * @param heartbeatTimestamp the {@code timestamp} of the heartbeat being answered (round-trip time)
 * @param serverTime the backend's clock
 */
public record HeartbeatAck(Instant heartbeatTimestamp, Instant serverTime) implements ValidatorMessage {
  public HeartbeatAck {
    Fields.required(heartbeatTimestamp, "heartbeat_timestamp");
    Fields.required(serverTime, "server_time");
  }
}
