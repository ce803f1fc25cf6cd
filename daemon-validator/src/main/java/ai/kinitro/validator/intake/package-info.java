/**
 * Intake of evaluation jobs: each {@code eval_job} is stored in the durable job queue (idempotent
 * by job id, together with a QUEUED status report in the outbox, in one transaction) before the
 * link acks it, so a crash between receipt and ack causes a redelivery, never a loss or a second
 * evaluation.
 */
package ai.kinitro.validator.intake;
