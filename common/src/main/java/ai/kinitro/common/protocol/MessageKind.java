package ai.kinitro.common.protocol;

import java.util.Set;

/**
 * One entry of a channel's message registry: the {@code type} discriminator, the record that
 * carries the message and which peers may send it. Each channel implements this with an enum whose
 * constants are the complete list of its messages; the codec knows nothing else.
 *
 * @param <M> the channel's sealed message interface
 */
public interface MessageKind<M> {
  /** The value of the JSON {@code type} field, snake_case. */
  String wireName();

  /** The record class that carries this message. */
  Class<? extends M> recordType();

  /** The peers allowed to send this message. */
  Set<Peer> senders();

  /**
   * The JSON field that identifies a message of this channel for replies ({@code message_id} on the
   * validator channel, {@code request_id} on the realtime channel). The codec echoes it in a
   * rejection when it can read it.
   */
  String correlationField();
}
