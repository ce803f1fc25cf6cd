/**
 * The validator channel {@code /ws/validator}: the signed-challenge handshake (API key, sr25519
 * hotkey signature, validator permit), durable per-validator delivery of job assignments and weight
 * snapshots (pending until acked, redelivered on reconnect, timed out and retried after their
 * deadline), batched and idempotent ingestion of statuses, results, episodes and steps, heartbeats
 * off the ingest path, and the miner-visible progress of each job.
 */
package ai.kinitro.backend.ws.validator;
