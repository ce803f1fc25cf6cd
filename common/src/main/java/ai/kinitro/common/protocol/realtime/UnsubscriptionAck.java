package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;

/**
 * Server → client: the subscription is gone.
 *
 * @param requestId the {@code request_id} of the {@link Unsubscribe}
 * @param subscriptionId the subscription
 * @param removed false if no such subscription existed on this connection
 */
public record UnsubscriptionAck(String requestId, String subscriptionId, boolean removed) implements RealtimeMessage {
  public UnsubscriptionAck {
    RealtimeProtocol.requestId(requestId);
    Fields.token(subscriptionId, "subscription_id");
  }
}
