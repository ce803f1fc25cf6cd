package ai.kinitro.evaluator.orchestrator;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.protocol.EvaluationStatus;
import java.util.Objects;

/**
 * Whose fault a failure is, and what happens to the job.
 *
 * <ul>
 *   <li>the evaluator is stopping: back to the queue, whatever failed (a call cut short by the
 *       shutdown must not count against the agent);
 *   <li>the job's deadline or the run deadline passed: final, TIMEOUT;
 *   <li>USER codes: final, FAILED. These are the agent's faults (crash, timeout, bad action or
 *       tensor, refused to start, network attempt, resource limit, archive checks) and jobs that
 *       cannot run as given (unreadable payload, unknown environment);
 *   <li>anything else is the platform's (artifact store down, full disk, pod scheduling, sandbox
 *       setup, environment failure, evaluator bug): back to the queue with backoff, and reported
 *       FAILED with that platform code only once the attempts are used up, so a score never
 *       reflects it.
 * </ul>
 */
final class Verdicts {
  private Verdicts() {}

  /** What to do with a job that failed with {@code code}. */
  sealed interface Verdict {
    /** Report this terminal outcome; the job is done. */
    record Final(EvaluationStatus status) implements Verdict {
      public Final {
        Objects.requireNonNull(status, "status");
      }
    }

    /** Give the job back to the queue (attempt counted, retried after the backoff). */
    record Retry() implements Verdict {}
  }

  static Verdict of(ErrorCode code, boolean lastAttempt, boolean stopping) {
    if (stopping) {
      return new Verdict.Retry();
    }
    if (code == ErrorCode.ROLLOUT_DEADLINE_EXCEEDED || code == ErrorCode.JOB_DEADLINE_EXCEEDED) {
      return new Verdict.Final(EvaluationStatus.TIMEOUT);
    }
    if (agentOrJobFault(code)) {
      return new Verdict.Final(EvaluationStatus.FAILED);
    }
    return lastAttempt ? new Verdict.Final(EvaluationStatus.FAILED) : new Verdict.Retry();
  }

  /** True for failures that count against the submission (or the job itself). */
  static boolean agentOrJobFault(ErrorCode code) {
    return code.category() == ErrorCategory.USER;
  }
}
