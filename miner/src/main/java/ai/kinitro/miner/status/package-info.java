/**
 * {@code status}: a submission's evaluation followed live over the backend's realtime channel
 * ({@code /ws/client}): the submission, its jobs, their status on each validator, episodes and
 * results.
 */
package ai.kinitro.miner.status;
