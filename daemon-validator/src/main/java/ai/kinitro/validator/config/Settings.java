package ai.kinitro.validator.config;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;

/** Checks shared by the settings records. */
final class Settings {
  private Settings() {}

  static Duration positive(Duration value, Duration fallback, String key) {
    Duration d = value == null ? fallback : value;
    if (d.isZero() || d.isNegative()) {
      throw invalid(key, "must be a positive duration, was " + d);
    }
    return d;
  }

  static int atLeast(Integer value, int fallback, int min, String key) {
    int v = value == null ? fallback : value;
    if (v < min) {
      throw invalid(key, "must be at least " + min + ", was " + v);
    }
    return v;
  }

  static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  static KinitroException invalid(String key, String why) {
    return new KinitroException(ErrorCode.VALIDATOR_CONFIG_INVALID, "setting " + key + " " + why);
  }
}
