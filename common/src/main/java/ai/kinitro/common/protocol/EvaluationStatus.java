package ai.kinitro.common.protocol;

/**
 * Status of one job on one validator. {@link #QUEUED}, {@link #STARTING} and {@link #RUNNING} are
 * reported with {@code job_status_update}; the terminal {@link #COMPLETED}, {@link #FAILED} and
 * {@link #TIMEOUT} only with {@code eval_result}. {@link #CANCELLED} is set by the backend alone.
 */
public enum EvaluationStatus {
  QUEUED,
  STARTING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED,
  TIMEOUT;

  public boolean terminal() {
    return switch (this) {
      case QUEUED, STARTING, RUNNING -> false;
      case COMPLETED, FAILED, CANCELLED, TIMEOUT -> true;
    };
  }
}
