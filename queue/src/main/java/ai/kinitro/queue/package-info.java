/**
 * The durable queue shared by the validator and the evaluator (plain Java, JDBC on PostgreSQL, no
 * Spring): its schema ({@link ai.kinitro.queue.QueueSchema}, Flyway migrations under {@code
 * classpath:db/queue} with their own history table) and the values both halves share. The job
 * queue lives in {@code job}, the outbox to the backend in {@code outbox}, LISTEN/NOTIFY wake-ups
 * in {@code notify}.
 */
package ai.kinitro.queue;
