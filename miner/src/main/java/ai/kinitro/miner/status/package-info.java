/**
 * {@code status}: a submission's evaluation followed live over the backend's realtime channel
 * ({@code /ws/client}): the submission, its jobs, their status on each validator, episodes and
 * results; and, since the channel carries no queue-position event, where each waiting job stands in
 * its validator's queue, read from {@code GET /jobs} while a job waits ({@link
 * ai.kinitro.miner.status.QueueWatcher}).
 */
package ai.kinitro.miner.status;
