/**
 * The local platform: {@code ./kinitro up}, {@code down} and {@code status}. The supervisor starts
 * every part of Kinitro as its own process, in order, waits for each to be healthy, and stops them
 * in reverse order.
 */
package ai.kinitro.platform;
