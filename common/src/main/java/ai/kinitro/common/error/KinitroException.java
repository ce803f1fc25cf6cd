package ai.kinitro.common.error;

import java.util.Objects;

/**
 * The one exception type that carries an {@link ErrorCode}. Messages are written for the person
 * who has to act: they say what was wrong and, where it helps, how to fix it. They never contain
 * secrets (keys, passwords, API keys).
 */
public class KinitroException extends RuntimeException {
  private final ErrorCode code;

  public KinitroException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public KinitroException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  @Override
  public String toString() {
    return "KinitroException[" + code + "(" + code.number() + ")]: " + getMessage();
  }
}
