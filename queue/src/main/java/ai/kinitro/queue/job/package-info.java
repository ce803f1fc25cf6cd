/**
 * The job queue (validator → evaluator): idempotent enqueue, claim in one {@code UPDATE … FOR
 * UPDATE SKIP LOCKED} statement that sets owner, heartbeat and {@code version + 1}, version-checked
 * completion, failure with exponential backoff, heartbeats, the dead-job reaper, and a worker pool
 * that fetches only as many jobs as it has free workers.
 */
package ai.kinitro.queue.job;
