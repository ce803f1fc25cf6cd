package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.ProtocolVersion;
import java.time.Instant;

/**
 * Server → client, the first frame on every connection.
 *
 * @param protocolVersion the server's protocol version
 * @param connectionId the server's id for this connection
 * @param serverTime the server's clock
 */
public record Welcome(int protocolVersion, String connectionId, Instant serverTime) implements RealtimeMessage {
  public Welcome {
    ProtocolVersion.require(protocolVersion);
    Fields.token(connectionId, "connection_id");
    Fields.required(serverTime, "server_time");
  }
}
