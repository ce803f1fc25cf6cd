package ai.kinitro.backend.job;

import ai.kinitro.common.protocol.EvaluationStatus;

/**
 * Status of one job on one validator. {@code QUEUED} (assigned, not yet sent or not yet acked
 * after a send), {@code DELIVERED} (the validator acked the {@code eval_job}), then the validator's
 * own {@code STARTING}/{@code RUNNING}, and a terminal outcome.
 */
public enum AssignmentStatus {
  QUEUED,
  DELIVERED,
  STARTING,
  RUNNING,
  COMPLETED,
  FAILED,
  TIMEOUT,
  CANCELLED;

  public boolean terminal() {
    return switch (this) {
      case QUEUED, DELIVERED, STARTING, RUNNING -> false;
      case COMPLETED, FAILED, TIMEOUT, CANCELLED -> true;
    };
  }

  /** The status a validator reported on the wire. */
  public static AssignmentStatus of(EvaluationStatus status) {
    return switch (status) {
      case QUEUED -> QUEUED;
      case STARTING -> STARTING;
      case RUNNING -> RUNNING;
      case COMPLETED -> COMPLETED;
      case FAILED -> FAILED;
      case CANCELLED -> CANCELLED;
      case TIMEOUT -> TIMEOUT;
    };
  }

  /** The wire status ({@code DELIVERED} is reported as {@code QUEUED}: delivered but not started). */
  public EvaluationStatus toEvaluationStatus() {
    return switch (this) {
      case QUEUED, DELIVERED -> EvaluationStatus.QUEUED;
      case STARTING -> EvaluationStatus.STARTING;
      case RUNNING -> EvaluationStatus.RUNNING;
      case COMPLETED -> EvaluationStatus.COMPLETED;
      case FAILED -> EvaluationStatus.FAILED;
      case TIMEOUT -> EvaluationStatus.TIMEOUT;
      case CANCELLED -> EvaluationStatus.CANCELLED;
    };
  }
}
