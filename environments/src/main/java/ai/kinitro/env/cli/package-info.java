/** Command-line entry points of the environments module (the only package here that prints). */
package ai.kinitro.env.cli;
