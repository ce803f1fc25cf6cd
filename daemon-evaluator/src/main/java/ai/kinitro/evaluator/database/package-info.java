/**
 * The evaluator's connection to the validator's PostgreSQL database, where the shared job queue
 * and outbox live ({@code kinitro.evaluator.database.*}); the queue schema is migrated on start.
 * Without a URL the evaluator takes no jobs (it still starts and answers health checks).
 */
package ai.kinitro.evaluator.database;
