package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;
import java.time.Instant;

/**
 * Server → client: the answer to {@link Ping}.
 *
 * @param requestId the ping's {@code request_id}
 * @param serverTime the server's clock
 */
public record Pong(String requestId, Instant serverTime) implements RealtimeMessage {
  public Pong {
    RealtimeProtocol.requestId(requestId);
    Fields.required(serverTime, "server_time");
  }
}
