package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.protocol.Fields;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.annotation.JsonTypeIdResolver;
import java.time.Instant;

/**
 * Server → client: something happened that matches a subscription. On the wire the payload's
 * type appears as {@code event_type} next to {@code payload}; it is derived from the payload record.
 *
 * @param subscriptionId the subscription this event is delivered for (one frame per matching
 *     subscription)
 * @param sequence per-connection counter: 1 for the first event frame, then +1 for each; a gap
 *     means the client missed frames and should resubscribe
 * @param timestamp when the event happened on the server
 * @param payload the typed event data
 */
public record Event(
    String subscriptionId,
    long sequence,
    Instant timestamp,
    @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "event_type")
        @JsonTypeIdResolver(EventTypeIdResolver.class)
        EventPayload payload)
    implements RealtimeMessage {
  public Event {
    Fields.token(subscriptionId, "subscription_id");
    Fields.atLeast(sequence, 1, "sequence");
    Fields.required(timestamp, "timestamp");
    Fields.required(payload, "payload");
  }

  /** The event type, derived from the payload. */
  public EventType eventType() {
    return payload.eventType();
  }
}
