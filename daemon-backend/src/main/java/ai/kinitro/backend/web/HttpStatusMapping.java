package ai.kinitro.backend.web;

import ai.kinitro.common.error.ErrorCode;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one place an {@link ErrorCode} becomes an HTTP status. Codes listed here have a specific
 * status; every other code gets its category's default: USER 400, RESOURCES 503 (429 for rate
 * limits), EXTERNAL 502 (503 when unavailable), INTERNAL 500. So a user mistake is never a 500,
 * and codes added later by other subsystems get a sensible status without touching this class.
 */
public final class HttpStatusMapping {
  private static final Map<ErrorCode, HttpStatus> SPECIFIC = new EnumMap<>(ErrorCode.class);

  static {
    SPECIFIC.put(ErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND);
    SPECIFIC.put(ErrorCode.NO_WEIGHTS_YET, HttpStatus.NOT_FOUND);
    SPECIFIC.put(ErrorCode.ALREADY_EXISTS, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.DUPLICATE_COMPETITION_NAME, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.CONFLICT, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.CANDIDATE_ALREADY_REVIEWED, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.CANDIDATE_NOT_APPROVED, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.WIN_MARGIN_NOT_MET, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.CANDIDATE_BELOW_THRESHOLDS, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.COMPETITION_INACTIVE, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.NONCE_REUSED, HttpStatus.CONFLICT);
    SPECIFIC.put(ErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    SPECIFIC.put(ErrorCode.BAD_SIGNATURE, HttpStatus.UNAUTHORIZED);
    SPECIFIC.put(ErrorCode.PERMISSION_DENIED, HttpStatus.FORBIDDEN);
    SPECIFIC.put(ErrorCode.INVALID_BENCHMARK_SPEC, HttpStatus.UNPROCESSABLE_CONTENT);
    SPECIFIC.put(ErrorCode.UNKNOWN_ENVIRONMENT, HttpStatus.UNPROCESSABLE_CONTENT);
    SPECIFIC.put(ErrorCode.NOTHING_TO_RERUN, HttpStatus.UNPROCESSABLE_CONTENT);
    SPECIFIC.put(ErrorCode.MESSAGE_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE);
    SPECIFIC.put(ErrorCode.RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS);
    SPECIFIC.put(ErrorCode.EXTERNAL_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
    SPECIFIC.put(ErrorCode.DATABASE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);
  }

  private HttpStatusMapping() {}

  public static HttpStatus statusOf(ErrorCode code) {
    HttpStatus specific = SPECIFIC.get(code);
    if (specific != null) {
      return specific;
    }
    return switch (code.category()) {
      case USER -> HttpStatus.BAD_REQUEST;
      case RESOURCES -> HttpStatus.SERVICE_UNAVAILABLE;
      case EXTERNAL -> HttpStatus.BAD_GATEWAY;
      case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }
}
