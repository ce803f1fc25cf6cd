/**
 * Command-line entry points of the environments module: {@code kinitro env}, benchmarks and the
 * documentation images. The only package of the module that prints.
 */
package ai.kinitro.env.cli;
