package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.Fields;
import java.util.Optional;

/**
 * Either direction: the peer refused a frame or the session. Sent for a frame that could not be
 * decoded (the connection stays open) and before closing the connection on a handshake failure.
 *
 * @param code stable error number ({@link ErrorCode#number()})
 * @param name the error code's name
 * @param message what went wrong
 * @param inReplyTo the {@code message_id} of the refused frame, when it could be read
 */
public record ValidatorError(int code, String name, String message, Optional<String> inReplyTo)
    implements ValidatorMessage {
  public ValidatorError {
    new ErrorDetail(code, name, message); // same rules
    inReplyTo = Fields.optionalText(inReplyTo, "in_reply_to", Fields.MAX_ID_LENGTH);
  }

  public static ValidatorError of(ErrorCode code, String message, Optional<String> inReplyTo) {
    return new ValidatorError(code.number(), code.name(), message, inReplyTo);
  }

  /** The error frame answering a rejected frame. */
  public static ValidatorError from(DecodeResult.Rejected<?> rejected) {
    return of(rejected.code(), rejected.reason(), rejected.messageId());
  }

  /** The code as an enum constant, if this peer knows it. */
  public Optional<ErrorCode> knownCode() {
    return ErrorCode.fromNumber(code);
  }
}
