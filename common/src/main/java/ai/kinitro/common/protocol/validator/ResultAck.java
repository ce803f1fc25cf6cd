package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.Fields;
import java.util.Optional;
import java.util.UUID;

/**
 * Backend → validator: acknowledges a {@link JobStatusUpdate}, {@link EvalResult}, {@link
 * EpisodeData} or {@link EpisodeStepData} once it is committed. The validator deletes the message
 * from its outbox on any outcome.
 *
 * @param ackedMessageId the {@code message_id} being acknowledged
 * @param outcome stored, duplicate (same id seen before) or rejected
 * @param error why it was rejected; present exactly when {@code outcome} is rejected
 */
public record ResultAck(UUID ackedMessageId, AckOutcome outcome, Optional<ErrorDetail> error)
    implements ValidatorMessage {
  public ResultAck {
    Fields.required(ackedMessageId, "acked_message_id");
    Fields.required(outcome, "outcome");
    error = checkError(outcome, error);
  }

  static Optional<ErrorDetail> checkError(AckOutcome outcome, Optional<ErrorDetail> error) {
    Optional<ErrorDetail> present = Fields.optional(error);
    if ((outcome == AckOutcome.REJECTED) != present.isPresent()) {
      throw Fields.invalid("error", "must be present exactly when 'outcome' is rejected");
    }
    return present;
  }
}
