/**
 * Intake of evaluation jobs: each {@code eval_job} is stored in the durable job queue (idempotent
 * by job id, together with a QUEUED status report in the outbox, in one transaction) before the
 * link acks it, so a crash between receipt and ack causes a redelivery, never a loss or a second
 * evaluation. A job already held and not finished that comes again with a later-expiring artifact
 * URL (a renewed presigned URL, or a redelivery) gets that URL and expiry in place, so the next
 * claim downloads through a URL that still works.
 */
package ai.kinitro.validator.intake;
