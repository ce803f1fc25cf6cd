/**
 * LISTEN/NOTIFY wake-ups: one dedicated connection listens on the queue's channels and wakes the
 * pollers waiting for a queue or topic. Wake-ups only shorten waits; polling on an interval stays
 * the safety net, so a lost notification (or a broken listener) only costs latency.
 */
package ai.kinitro.queue.notify;
