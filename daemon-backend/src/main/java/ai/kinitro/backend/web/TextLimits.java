package ai.kinitro.backend.web;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;

/**
 * Maximum lengths of text the API accepts, matching the column sizes, and checks that turn a
 * violation into VALUE_TOO_LONG / INVALID_ARGUMENT (a 4xx) instead of a database error.
 */
public final class TextLimits {
  public static final int COMPETITION_NAME = 256;
  public static final int DESCRIPTION = 10_000;
  public static final int API_KEY_NAME = 128;
  public static final int HOTKEY = 64;
  public static final int SUBMISSION_VERSION = 64;
  public static final int REASON = 2_000;
  public static final int BENCHMARK_NAME = 128;

  private TextLimits() {}

  /** Trimmed, non-blank and at most {@code max} characters. */
  public static String requireText(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'" + field + "' is required");
    }
    return checkLength(value.trim(), field, max);
  }

  /** Null or blank becomes null; otherwise trimmed and at most {@code max} characters. */
  public static String optionalText(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return checkLength(value.trim(), field, max);
  }

  private static String checkLength(String value, String field, int max) {
    if (value.length() > max) {
      throw new KinitroException(ErrorCode.VALUE_TOO_LONG,
          "'" + field + "' is " + value.length() + " characters long; the maximum is " + max);
    }
    return value;
  }

  /**
   * A miner's submission version: 1..{@value #SUBMISSION_VERSION} characters of {@code
   * [A-Za-z0-9._-]}. Used by the upload endpoint.
   */
  public static String submissionVersion(String value) {
    String version = requireText(value, "version", SUBMISSION_VERSION);
    if (!version.matches("[A-Za-z0-9._-]+")) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'version' may contain only letters, digits, '.', '_' and '-'");
    }
    return version;
  }
}
