package ai.kinitro.common.protocol;

import ai.kinitro.common.error.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ProtocolCodec#decode(String)} returns: either the message or a typed rejection the
 * caller can turn into an {@code error} frame. Decoding never throws.
 *
 * @param <M> the channel's sealed message interface
 */
public sealed interface DecodeResult<M> {

  /** The frame was a valid message. */
  record Decoded<M>(M message) implements DecodeResult<M> {
    public Decoded {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The frame was refused.
   *
   * @param code why: MALFORMED_MESSAGE, UNKNOWN_MESSAGE_TYPE, UNSUPPORTED_PROTOCOL_VERSION,
   *     MESSAGE_TOO_LARGE or UNEXPECTED_MESSAGE
   * @param reason a short explanation naming the offending field where there is one; never echoes
   *     secrets
   * @param messageId the frame's correlation id ({@code message_id} or {@code request_id}) when it
   *     could be read, so the reply can refer to it
   */
  record Rejected<M>(ErrorCode code, String reason, Optional<String> messageId)
      implements DecodeResult<M> {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(messageId, "messageId");
    }
  }
}
