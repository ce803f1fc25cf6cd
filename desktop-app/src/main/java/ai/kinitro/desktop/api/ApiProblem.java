package ai.kinitro.desktop.api;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal as the backend sends it: an RFC 9457 problem document with Kinitro's stable {@code
 * code} (number) and {@code error} (name). {@link #toException()} keeps the backend's code, so the
 * UI can match on it exactly as the backend meant it.
 *
 * @param status the HTTP status
 * @param code the backend's error number, when it sent one
 * @param error the backend's error name, when it sent one
 * @param title the problem's short title (may be empty)
 * @param detail what went wrong and how to fix it, as the backend wrote it
 */
public record ApiProblem(int status, Optional<Integer> code, Optional<String> error, String title, String detail) {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_EXCERPT = 200;

  public ApiProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
  }

  /** Reads a problem from an error answer; a body that is not a problem document keeps a short excerpt. */
  public static ApiProblem parse(int status, String body) {
    try {
      JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
      if (n != null && n.isObject()) {
        Optional<Integer> code = n.path("code").isIntegralNumber() ? Optional.of(n.path("code").asInt()) : Optional.empty();
        Optional<String> error = n.path("error").isString() ? Optional.of(n.path("error").asString()) : Optional.empty();
        String title = n.path("title").asString("");
        String detail = n.path("detail").asString(n.path("message").asString(title));
        return new ApiProblem(status, code, error, title, detail);
      }
    } catch (RuntimeException notJson) {
      // fall through: keep an excerpt of what came back
    }
    String excerpt = body == null ? "" : body.strip();
    if (excerpt.length() > MAX_EXCERPT) {
      excerpt = excerpt.substring(0, MAX_EXCERPT) + "…";
    }
    return new ApiProblem(status, Optional.empty(), Optional.empty(), "", excerpt);
  }

  /**
   * The error code the UI reports: the backend's own when it is one we know, else one that fits the
   * HTTP status.
   */
  public ErrorCode errorCode() {
    return code.flatMap(ErrorCode::fromNumber).orElseGet(() -> byStatus(status));
  }

  /** The exception to throw: the backend's code, its detail, and a hint for the statuses that need one. */
  public KinitroException toException() {
    String message = detail.isBlank() ? "The backend answered HTTP " + status : detail;
    String hint = switch (status) {
      case 401 -> " Check the API key of this connection profile (Connections page).";
      case 403 -> " This API key does not have the admin role; ask the subnet owner for an admin key.";
      default -> "";
    };
    return new KinitroException(errorCode(), message + hint);
  }

  static ErrorCode byStatus(int status) {
    return switch (status) {
      case 400, 422 -> ErrorCode.INVALID_ARGUMENT;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.PERMISSION_DENIED;
      case 404 -> ErrorCode.NOT_FOUND;
      case 409 -> ErrorCode.CONFLICT;
      case 429 -> ErrorCode.RATE_LIMITED;
      default -> status >= 500 ? ErrorCode.EXTERNAL_UNAVAILABLE : ErrorCode.EXTERNAL_PROTOCOL_ERROR;
    };
  }
}
