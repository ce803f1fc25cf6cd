/**
 * The outbox (evaluator/validator → backend): messages stored under their protocol message id
 * before they are sent, delivered at least once in first-sent order, resent with backoff until the
 * receiver acks that id, held or parked when the receiver refuses them, and made due again after
 * every reconnection.
 */
package ai.kinitro.queue.outbox;
