/**
 * The relay of the outbox to the backend: sends due messages (statuses, results, episodes, step
 * batches written by the evaluator) within a window of unacked messages, deletes each on the
 * {@code result_ack} of its message id, resends what stays unacked with backoff, makes everything
 * due again after a reconnect, and holds, parks or defers a message the backend answers with an
 * {@code error}, according to the code ({@link ai.kinitro.validator.relay.RefusalPolicy}).
 */
package ai.kinitro.validator.relay;
