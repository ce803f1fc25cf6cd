package ai.kinitro.queue.job;

/**
 * Runs one claimed job. Returning normally completes it. Throwing fails the attempt: a {@code
 * KinitroException} whose code is in the USER category (the job itself is bad) parks it at once;
 * anything else retries it with backoff until its attempts are exhausted.
 */
@FunctionalInterface
public interface JobHandler {
  void run(ClaimedJob job, Lease lease) throws Exception;

  /** The claim as the worker pool sees it; long jobs should stop once it is lost. */
  interface Lease {
    /** True once a heartbeat found that the job was reaped or taken over. */
    boolean lost();
  }
}
