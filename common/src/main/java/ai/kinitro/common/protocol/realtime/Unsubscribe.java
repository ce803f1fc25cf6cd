package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;

/**
 * Client → server: stop a subscription.
 *
 * @param requestId client-chosen id echoed in the answer
 * @param subscriptionId the subscription to stop
 */
public record Unsubscribe(String requestId, String subscriptionId) implements RealtimeMessage {
  public Unsubscribe {
    RealtimeProtocol.requestId(requestId);
    Fields.token(subscriptionId, "subscription_id");
  }
}
