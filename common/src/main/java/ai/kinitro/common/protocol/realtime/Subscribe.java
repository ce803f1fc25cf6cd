package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;
import java.util.List;

/**
 * Client → server: start receiving events of the given types that pass the filter. Answered with
 * {@link SubscriptionAck}, then the current state as events, then live events.
 *
 * @param requestId client-chosen id echoed in the answer
 * @param eventTypes at least one event type, no repeats
 * @param filters narrows the events (absent = all events of those types)
 */
public record Subscribe(String requestId, List<EventType> eventTypes, SubscriptionFilter filters)
    implements RealtimeMessage {
  public Subscribe {
    RealtimeProtocol.requestId(requestId);
    eventTypes = checkEventTypes(eventTypes);
    filters = filters == null ? SubscriptionFilter.NONE : filters;
  }

  static List<EventType> checkEventTypes(List<EventType> eventTypes) {
    List<EventType> copy = Fields.nonEmptyList(eventTypes, "event_types");
    Fields.unique(copy, t -> t, "event_types");
    return copy;
  }
}
