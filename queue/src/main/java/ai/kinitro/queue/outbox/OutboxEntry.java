package ai.kinitro.queue.outbox;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Objects;
import java.util.UUID;

/**
 * A message to store in the outbox.
 *
 * @param messageId the protocol {@code message_id}; appending the same id again changes nothing
 * @param topic the destination (e.g. {@code backend})
 * @param kind the message type (e.g. {@code eval_result}), for metrics and operators
 * @param payload the frame exactly as it will be sent
 */
public record OutboxEntry(UUID messageId, String topic, String kind, String payload) {
  public OutboxEntry {
    Objects.requireNonNull(messageId, "messageId");
    requireName(topic, "topic");
    requireName(kind, "kind");
    Objects.requireNonNull(payload, "payload");
  }

  static void requireName(String value, String field) {
    if (value == null || value.isBlank() || value.length() > 100) {
      throw new KinitroException(ErrorCode.QUEUE_ITEM_REJECTED, field + " must be 1 to 100 characters, was " + value);
    }
  }
}
