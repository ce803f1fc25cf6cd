package ai.kinitro.common.protocol.realtime;

import static ai.kinitro.common.protocol.Peer.CLIENT;
import static ai.kinitro.common.protocol.Peer.SERVER;

import ai.kinitro.common.protocol.MessageKind;
import ai.kinitro.common.protocol.Peer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of realtime-channel messages: one constant per message record. */
public enum RealtimeMessageType implements MessageKind<RealtimeMessage> {
  WELCOME("welcome", Welcome.class, SERVER),
  SUBSCRIBE("subscribe", Subscribe.class, CLIENT),
  SUBSCRIPTION_ACK("subscription_ack", SubscriptionAck.class, SERVER),
  UNSUBSCRIBE("unsubscribe", Unsubscribe.class, CLIENT),
  UNSUBSCRIPTION_ACK("unsubscription_ack", UnsubscriptionAck.class, SERVER),
  PING("ping", Ping.class, CLIENT),
  PONG("pong", Pong.class, SERVER),
  EVENT("event", Event.class, SERVER),
  ERROR("error", RealtimeError.class, SERVER);

  private static final Map<Class<?>, RealtimeMessageType> BY_RECORD =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.recordType, Function.identity()));

  private final String wireName;
  private final Class<? extends RealtimeMessage> recordType;
  private final Set<Peer> senders;

  RealtimeMessageType(String wireName, Class<? extends RealtimeMessage> recordType, Peer... senders) {
    this.wireName = wireName;
    this.recordType = recordType;
    this.senders = Set.of(senders);
  }

  /** The registry entry of a message; fails for a record missing from the registry. */
  public static RealtimeMessageType of(RealtimeMessage message) {
    RealtimeMessageType type = BY_RECORD.get(message.getClass());
    if (type == null) {
      throw new IllegalStateException(message.getClass().getName() + " is missing from RealtimeMessageType");
    }
    return type;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  @Override
  public Class<? extends RealtimeMessage> recordType() {
    return recordType;
  }

  @Override
  public Set<Peer> senders() {
    return senders;
  }

  @Override
  public String correlationField() {
    return "request_id";
  }
}
