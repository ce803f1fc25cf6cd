package ai.kinitro.queue.job;

/** What {@link JobQueue#fail} did with the job. */
public enum FailOutcome {
  /** Back to READY, due after the backoff. */
  RETRY_SCHEDULED,
  /** Parked: a permanent failure, or the last attempt. */
  PARKED
}
