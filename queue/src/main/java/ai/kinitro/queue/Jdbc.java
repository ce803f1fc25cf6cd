package ai.kinitro.queue;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Small JDBC helpers shared by the queue's packages. */
public final class Jdbc {
  private Jdbc() {}

  /** A timestamp parameter for a {@code timestamptz} column. */
  public static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  /** An instant from a nullable {@code timestamptz} value. */
  public static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** The exception for a failed statement, naming what we were doing. */
  public static KinitroException failure(String doing, SQLException e) {
    return new KinitroException(ErrorCode.QUEUE_DATABASE_ERROR,
        "queue database error while " + doing + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
  }

  /** Text shortened to {@code max} characters for an error column. */
  public static String clip(String text, int max) {
    if (text == null) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max);
  }
}
