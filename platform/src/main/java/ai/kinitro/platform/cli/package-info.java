/** The {@code ./kinitro up | down | status} command line. */
package ai.kinitro.platform.cli;
