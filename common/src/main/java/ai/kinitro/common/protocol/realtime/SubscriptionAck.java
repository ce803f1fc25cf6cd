package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;
import java.util.List;

/**
 * Server → client: the subscription exists.
 *
 * @param requestId the {@code request_id} of the {@link Subscribe}
 * @param subscriptionId the server's id of the subscription; events carry it
 * @param eventTypes the subscribed event types
 * @param filters the filter in effect
 */
public record SubscriptionAck(
    String requestId, String subscriptionId, List<EventType> eventTypes, SubscriptionFilter filters)
    implements RealtimeMessage {
  public SubscriptionAck {
    RealtimeProtocol.requestId(requestId);
    Fields.token(subscriptionId, "subscription_id");
    eventTypes = Subscribe.checkEventTypes(eventTypes);
    filters = filters == null ? SubscriptionFilter.NONE : filters;
  }
}
