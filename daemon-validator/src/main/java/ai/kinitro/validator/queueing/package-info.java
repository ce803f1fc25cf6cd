/**
 * The durable queue as this daemon runs it: the job queue, outbox and LISTEN/NOTIFY wake-up beans
 * over the validator's database, and the validator-side duties — the dead-job reaper (the evaluator
 * heartbeats, the validator reaps), the purge of old finished jobs, and the sampling of queue depth
 * and relay lag for metrics and heartbeats.
 */
package ai.kinitro.validator.queueing;
