/**
 * Command-line entry points of {@code common} ({@code kinitro key ...}). The only package of the
 * module allowed to print to standard streams.
 */
package ai.kinitro.common.cli;
