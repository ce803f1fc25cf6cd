package ai.kinitro.queue.job;

/** Where a job is in its life. */
public enum JobState {
  /** Waiting to be claimed once {@code run_at} has passed. */
  READY,
  /** Claimed by an owner that heartbeats it. */
  RUNNING,
  /** Finished; kept so that a redelivered job id stays a duplicate (see {@link JobQueue#purgeFinished}). */
  DONE,
  /** Failed for good (permanent error or attempts exhausted); kept for the operator. */
  PARKED
}
