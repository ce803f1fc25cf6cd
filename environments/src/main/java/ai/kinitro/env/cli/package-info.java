/** Command-line entry points of the environments module (benchmarks, documentation images). */
package ai.kinitro.env.cli;
