package ai.kinitro.common.protocol.realtime;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.impl.TypeIdResolverBase;

/**
 * Lets Jackson read and write {@code event_type} from {@link EventType}, the single registry of
 * payload types. An unknown name resolves to nothing, which Jackson reports as a bad type id.
 */
final class EventTypeIdResolver extends TypeIdResolverBase {

  @Override
  public String idFromValue(DatabindContext ctxt, Object value) {
    return EventType.of((EventPayload) value).wireName();
  }

  @Override
  public String idFromValueAndType(DatabindContext ctxt, Object value, Class<?> suggestedType) {
    return idFromValue(ctxt, value);
  }

  @Override
  public JavaType typeFromId(DatabindContext ctxt, String id) {
    return EventType.fromWireName(id).map(t -> ctxt.constructType(t.payloadType())).orElse(null);
  }

  @Override
  public String getDescForKnownTypeIds() {
    return "an event type of EventType";
  }

  @Override
  public JsonTypeInfo.Id getMechanism() {
    return JsonTypeInfo.Id.CUSTOM;
  }
}
