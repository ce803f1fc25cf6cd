/** Benchmark definitions (MT1, MT10 presets), their validation and their expansion into job specs. */
package ai.kinitro.env.benchmark;
