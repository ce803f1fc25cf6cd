/**
 * Background loops that never die: each runs one {@code pollOnce()} per interval on its own named
 * thread, catches, logs and counts every failure, and goes on.
 */
package ai.kinitro.backend.loop;
