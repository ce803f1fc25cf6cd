package ai.kinitro.desktop.api;

import java.util.List;
import java.util.Optional;

/** Normalises what Jackson leaves null for absent fields, so our values never hold a null. */
final class Nulls {
  private Nulls() {}

  static <T> Optional<T> opt(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  static String text(String value) {
    return value == null ? "" : value;
  }
}
