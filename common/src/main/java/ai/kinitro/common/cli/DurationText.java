package ai.kinitro.common.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in files and flags: {@code 250ms}, {@code 12s}, {@code 2m}, or ISO {@code PT12S}. */
public final class DurationText {
  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private DurationText() {}

  /**
   * Reads {@code text}.
   *
   * @param onError the code of the {@link KinitroException} thrown when it is not a duration
   */
  public static Duration parse(String text, ErrorCode onError) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(trimmed);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new KinitroException(onError,
          "'" + text + "' is not a duration; write it like 250ms, 12s, 2m or PT12S", e);
    }
  }

  /** The shortest of the forms {@link #parse} reads back: {@code 250ms}, {@code 12s}, {@code 2m}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
