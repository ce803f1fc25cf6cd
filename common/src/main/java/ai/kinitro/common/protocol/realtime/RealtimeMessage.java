package ai.kinitro.common.protocol.realtime;

/**
 * A message on the realtime channel. Dispatch with an exhaustive {@code switch} (no {@code
 * default}).
 */
public sealed interface RealtimeMessage
    permits Welcome,
        Subscribe,
        SubscriptionAck,
        Unsubscribe,
        UnsubscriptionAck,
        Ping,
        Pong,
        Event,
        RealtimeError {

  /** The registry entry of this message. */
  default RealtimeMessageType type() {
    return RealtimeMessageType.of(this);
  }
}
