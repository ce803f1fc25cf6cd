package ai.kinitro.common.protocol;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks used by the compact constructors of the protocol records. Every failure is a {@link
 * KinitroException} with {@link ErrorCode#INVALID_ARGUMENT} whose message starts with the JSON
 * field name ({@code field 'job_id' ...}); the codec turns it into a MALFORMED_MESSAGE rejection.
 * Messages never contain the offending value, so secrets cannot leak through them.
 */
public final class Fields {
  /** Maximum length of identifiers (task ids, connection ids, request ids, names). */
  public static final int MAX_ID_LENGTH = 128;
  /** Maximum length of free text (details, error messages, reasons). */
  public static final int MAX_TEXT_LENGTH = 4096;

  private static final Pattern SS58 = Pattern.compile("[1-9A-HJ-NP-Za-km-z]{46,50}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:/-]+");

  private Fields() {}

  /** The exception every check throws. */
  public static KinitroException invalid(String field, String problem) {
    return new KinitroException(ErrorCode.INVALID_ARGUMENT, "field '" + field + "' " + problem);
  }

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw invalid(field, "is required");
    }
    return value;
  }

  /** Required text, not blank, at most {@code maxLength} characters. */
  public static String text(String value, String field, int maxLength) {
    required(value, field);
    if (value.isBlank()) {
      throw invalid(field, "must not be blank");
    }
    if (value.length() > maxLength) {
      throw invalid(field, "is longer than " + maxLength + " characters");
    }
    return value;
  }

  /** Optional text: null becomes empty; a present value follows {@link #text}. */
  public static Optional<String> optionalText(Optional<String> value, String field, int maxLength) {
    Optional<String> present = optional(value);
    present.ifPresent(v -> text(v, field, maxLength));
    return present;
  }

  /**
   * An identifier token: 1..{@link #MAX_ID_LENGTH} characters from {@code [A-Za-z0-9_.:-]}, so it
   * can appear in signed strings, object keys and logs without escaping.
   */
  public static String token(String value, String field) {
    text(value, field, MAX_ID_LENGTH);
    if (!TOKEN.matcher(value).matches()) {
      throw invalid(field, "may contain only letters, digits and _ . : / -");
    }
    return value;
  }

  /** A null Optional (absent JSON field) becomes empty. */
  public static <T> Optional<T> optional(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  /** An SS58 address (base58 alphabet, 46..50 characters). The checksum is not verified here. */
  public static String hotkey(String value, String field) {
    required(value, field);
    if (!SS58.matcher(value).matches()) {
      throw invalid(field, "must be an SS58 address");
    }
    return value;
  }

  /** A SHA-256 digest as 64 lower-case hex digits. */
  public static String sha256Hex(String value, String field) {
    required(value, field);
    if (!SHA256_HEX.matcher(value).matches()) {
      throw invalid(field, "must be 64 lower-case hex digits");
    }
    return value;
  }

  /** A 64-bit id (job, submission, candidate): strictly positive. */
  public static long id(long value, String field) {
    if (value <= 0) {
      throw invalid(field, "must be a positive id");
    }
    return value;
  }

  public static int between(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw invalid(field, "must be between " + min + " and " + max);
    }
    return value;
  }

  public static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw invalid(field, "must be at least " + min);
    }
    return value;
  }

  public static int atLeast(int value, int min, String field) {
    if (value < min) {
      throw invalid(field, "must be at least " + min);
    }
    return value;
  }

  public static double finite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw invalid(field, "must be a finite number");
    }
    return value;
  }

  public static double nonNegative(double value, String field) {
    finite(value, field);
    if (value < 0) {
      throw invalid(field, "must not be negative");
    }
    return value;
  }

  /** A number in [0, 1]. */
  public static double fraction(double value, String field) {
    finite(value, field);
    if (value < 0 || value > 1) {
      throw invalid(field, "must be between 0 and 1");
    }
    return value;
  }

  /** Checks {@code earlier <= later}. */
  public static void notBefore(Instant later, Instant earlier, String laterField, String earlierField) {
    if (later.isBefore(earlier)) {
      throw invalid(laterField, "must not be before '" + earlierField + "'");
    }
  }

  /** An immutable copy of a required list with no null elements. */
  public static <T> List<T> list(List<T> value, String field) {
    required(value, field);
    List<T> copy = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      copy.add(required(value.get(i), field + "[" + i + "]"));
    }
    return Collections.unmodifiableList(copy);
  }

  /** Like {@link #list} but an absent list is empty. */
  public static <T> List<T> listOrEmpty(List<T> value, String field) {
    return value == null ? List.of() : list(value, field);
  }

  public static <T> List<T> nonEmptyList(List<T> value, String field) {
    List<T> copy = list(value, field);
    if (copy.isEmpty()) {
      throw invalid(field, "must not be empty");
    }
    return copy;
  }

  /** Checks that {@code key} is unique among the elements. */
  public static <T> void unique(List<T> values, Function<T, Object> key, String field) {
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(key.apply(values.get(i)))) {
        throw invalid(field + "[" + i + "]", "repeats an earlier entry");
      }
    }
  }

  /** An immutable, key-sorted copy of a map with non-null keys and values (absent = empty). */
  public static <V> Map<String, V> sortedMap(Map<String, V> value, String field) {
    if (value == null) {
      return Map.of();
    }
    TreeMap<String, V> copy = new TreeMap<>();
    for (Map.Entry<String, V> e : value.entrySet()) {
      String key = required(e.getKey(), field + " key");
      copy.put(key, required(e.getValue(), field + "." + key));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** A required JSON value of any shape (JSON null is allowed), deep-copied. */
  public static JsonNode json(JsonNode value, String field) {
    required(value, field);
    if (value.isMissingNode()) {
      throw invalid(field, "is required");
    }
    return value.deepCopy();
  }

  /** A required JSON object, deep-copied. */
  public static JsonNode jsonObject(JsonNode value, String field) {
    required(value, field);
    if (!value.isObject()) {
      throw invalid(field, "must be a JSON object");
    }
    return value.deepCopy();
  }

  /** A JSON object that may be absent or null (then empty), deep-copied. */
  public static JsonNode jsonObjectOrEmpty(JsonNode value, String field) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    return jsonObject(value, field);
  }
}
