package ai.kinitro.common.protocol.realtime;

/**
 * Client → server: liveness check, answered with {@link Pong}.
 *
 * @param requestId client-chosen id echoed in the answer
 */
public record Ping(String requestId) implements RealtimeMessage {
  public Ping {
    RealtimeProtocol.requestId(requestId);
  }
}
