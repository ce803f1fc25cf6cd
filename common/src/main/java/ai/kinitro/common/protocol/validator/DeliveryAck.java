package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.Fields;
import java.util.Optional;
import java.util.UUID;

/**
 * Validator → backend: acknowledges an {@link EvalJob} or {@link SetWeights} after the validator
 * has stored it durably (not after it has finished the work).
 *
 * @param ackedMessageId the {@code message_id} being acknowledged
 * @param outcome stored, duplicate or rejected
 * @param error why it was rejected; present exactly when {@code outcome} is rejected
 */
public record DeliveryAck(UUID ackedMessageId, AckOutcome outcome, Optional<ErrorDetail> error)
    implements ValidatorMessage {
  public DeliveryAck {
    Fields.required(ackedMessageId, "acked_message_id");
    Fields.required(outcome, "outcome");
    error = ResultAck.checkError(outcome, error);
  }
}
