/** The {@code ./kinitro demo} command line. */
package ai.kinitro.demo.cli;
