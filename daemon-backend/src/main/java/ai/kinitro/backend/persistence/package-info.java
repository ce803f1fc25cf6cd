/**
 * Database plumbing shared by every feature: Spring Data JDBC configuration and converters, the
 * {@code jsonb} value type, the insert fragment, the database settings and the embedded PostgreSQL
 * used when no database URL is configured.
 */
package ai.kinitro.backend.persistence;
