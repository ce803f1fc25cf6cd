package ai.kinitro.common.protocol.realtime;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.DecodeResult;
import ai.kinitro.common.protocol.ErrorDetail;
import ai.kinitro.common.protocol.Fields;
import java.util.Optional;

/**
 * Server → client: a client frame was refused. The connection stays open.
 *
 * @param code stable error number
 * @param name the error code's name
 * @param message what went wrong
 * @param requestId the {@code request_id} of the refused frame, when it could be read
 */
public record RealtimeError(int code, String name, String message, Optional<String> requestId)
    implements RealtimeMessage {
  public RealtimeError {
    new ErrorDetail(code, name, message); // same rules
    requestId = Fields.optionalText(requestId, "request_id", Fields.MAX_ID_LENGTH);
  }

  public static RealtimeError of(ErrorCode code, String message, Optional<String> requestId) {
    return new RealtimeError(code.number(), code.name(), message, requestId);
  }

  /** The error frame answering a rejected frame. */
  public static RealtimeError from(DecodeResult.Rejected<?> rejected) {
    return of(rejected.code(), rejected.reason(), rejected.messageId());
  }

  /** The code as an enum constant, if this peer knows it. */
  public Optional<ErrorCode> knownCode() {
    return ErrorCode.fromNumber(code);
  }
}
