package ai.kinitro.common.protocol;

import ai.kinitro.common.error.ErrorCode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An error as it travels inside another message (a rejected ack, a failed evaluation).
 *
 * @param code the stable {@link ErrorCode#number()}; a newer peer may send numbers we do not know
 * @param name the {@link ErrorCode} constant name, for humans and logs
 * @param message what went wrong, for the person who has to act
 */
public record ErrorDetail(int code, String name, String message) {
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public ErrorDetail {
    Fields.between(code, 1, 9999, "code");
    Fields.required(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw Fields.invalid("name", "must be an upper-case error code name");
    }
    Fields.text(message, "message", Fields.MAX_TEXT_LENGTH);
  }

  public static ErrorDetail of(ErrorCode code, String message) {
    return new ErrorDetail(code.number(), code.name(), message);
  }

  /** The code as an enum constant, if this peer knows it. */
  public Optional<ErrorCode> knownCode() {
    return ErrorCode.fromNumber(code);
  }
}
