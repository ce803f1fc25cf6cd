/**
 * The validator's PostgreSQL: an external server from a JDBC URL, or by default an embedded
 * server whose data directory lives under {@code kinitro.state-dir}; the connection pool; and the
 * migrations (the queue library's, then the validator's own, each under its own Flyway history).
 */
package ai.kinitro.validator.database;
