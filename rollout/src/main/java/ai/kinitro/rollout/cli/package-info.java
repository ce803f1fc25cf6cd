/** Command-line entry points of the rollout module (benchmarks); the only place that prints. */
package ai.kinitro.rollout.cli;
