/**
 * One PostgreSQL server per test JVM (embedded by default) and a fresh database per test class.
 */
package ai.kinitro.testsupport.postgres;
