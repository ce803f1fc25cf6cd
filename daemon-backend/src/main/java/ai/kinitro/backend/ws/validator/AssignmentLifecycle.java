package ai.kinitro.backend.ws.validator;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end of an assignment's attempt, shared by result ingestion, rejected deliveries and the
 * deadline reaper. A platform fault with attempts left puts the assignment back to QUEUED (a new
 * delivery with a new message id follows) and is never scored; anything else is final and writes
 * the result row. Every outcome is recorded in {@code job_status_events} with its failure class.
 */
final class AssignmentLifecycle {
  /** Whose fault a failure is. */
  enum FailureClass {
    AGENT,
    PLATFORM;

    /** Errors the submission caused (USER-category codes) are agent faults; everything else is ours. */
    static FailureClass of(int errorCode) {
      return ErrorCode.fromNumber(errorCode).map(c -> c.category() == ErrorCategory.USER ? AGENT : PLATFORM).orElse(PLATFORM);
    }
  }

  /** The outcome of {@link #finishAttempt}. */
  enum Outcome {
    RETRIED,
    FINAL
  }

  private final JdbcTemplate jdbc;
  private final IdGenerator ids;
  private final int maxAttempts;

  AssignmentLifecycle(JdbcTemplate jdbc, IdGenerator ids, int maxAttempts) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.maxAttempts = maxAttempts;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Ends the current attempt of an open assignment with a failure. Runs inside the caller's
   * transaction; the caller holds the row lock.
   *
   * @param messageId the validator message that reported it (recorded for idempotency), if any
   */
  Outcome finishAttempt(long assignmentId, long jobId, String validator, int attempts, String status, FailureClass failure,
      int errorCode, String errorName, String errorMessage, Optional<UUID> messageId, Instant now) {
    String detail = errorName + ": " + errorMessage;
    jdbc.update("""
        INSERT INTO job_status_events (id, job_id, assignment_id, validator_hotkey, status, failure_class, detail, message_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        ids.next(), jobId, assignmentId, validator, status, failure.name(), detail, messageId.orElse(null), Timestamp.from(now));
    if (failure == FailureClass.PLATFORM && attempts < maxAttempts) {
      jdbc.update("""
          UPDATE job_assignments SET status = 'QUEUED', failure_class = NULL, delivered_message_id = NULL, delivered_at = NULL,
                 acked_message_id = NULL, acked_at = NULL, deadline = NULL, started_at = NULL, progress_episodes = 0,
                 status_detail = ?, error_code = ?, error_message = ?, version = version + 1, updated_at = ?
          WHERE id = ?""",
          "retrying after a platform fault (attempt " + attempts + " of " + maxAttempts + "): " + detail, errorCode,
          errorMessage, Timestamp.from(now), assignmentId);
      jdbc.update("""
          INSERT INTO job_status_events (id, job_id, assignment_id, validator_hotkey, status, detail, created_at)
          VALUES (?, ?, ?, ?, 'QUEUED', ?, ?)""",
          ids.next(), jobId, assignmentId, validator, "queued again after a platform fault", Timestamp.from(now));
      return Outcome.RETRIED;
    }
    jdbc.update("""
        UPDATE job_assignments SET status = ?, failure_class = ?, finished_at = ?, status_detail = ?, error_code = ?,
               error_message = ?, version = version + 1, updated_at = ?
        WHERE id = ?""",
        status, failure.name(), Timestamp.from(now), detail, errorCode, errorMessage, Timestamp.from(now), assignmentId);
    return Outcome.FINAL;
  }

  /** Writes the result row of a final failure that came from no validator message (deadline, rejection). */
  void writeFailureResult(long assignmentId, long jobId, String validator, String status, FailureClass failure,
      ErrorCode code, String message, Instant now) {
    jdbc.update("""
        INSERT INTO results (id, assignment_id, job_id, submission_id, competition_id, miner_hotkey, validator_hotkey,
                             benchmark_name, status, failure_class, error_code, error_name, error_message, message_id,
                             finished_at, result_time)
        SELECT ?, ?, j.id, j.submission_id, j.competition_id, j.miner_hotkey, ?, j.benchmark_name, ?, ?, ?, ?, ?, ?, ?, ?
        FROM jobs j WHERE j.id = ? ON CONFLICT DO NOTHING""",
        ids.next(), assignmentId, validator, status, failure.name(), code.number(), code.name(), message, UUID.randomUUID(),
        Timestamp.from(now), Timestamp.from(now), jobId);
  }
}
