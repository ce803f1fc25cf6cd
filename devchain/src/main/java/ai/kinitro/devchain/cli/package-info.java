/**
 * The dev chain's command line: {@code ./kinitro chain devnet}. The only package of the module that
 * prints.
 */
package ai.kinitro.devchain.cli;
