package ai.kinitro.common.protocol.validator;

import java.util.UUID;

/**
 * A validator-channel message that is stored by its receiver and acknowledged. The sender keeps it
 * until the ack arrives and resends it, with the same {@code message_id}, after every reconnect;
 * the receiver treats a repeated id as a duplicate and acks it again. Messages from the backend
 * ({@link EvalJob}, {@link SetWeights}) are acked with {@link DeliveryAck}; messages from the
 * validator with {@link ResultAck}.
 */
public sealed interface DurableMessage
    permits EvalJob, SetWeights, JobStatusUpdate, EvalResult, EpisodeData, EpisodeStepData {
  /** Sender-chosen id, stable across redeliveries. */
  UUID messageId();
}
