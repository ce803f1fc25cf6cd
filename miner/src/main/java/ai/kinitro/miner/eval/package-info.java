/**
 * {@code local-eval}: a competition's benchmark definitions (from the backend or a JSON file) run
 * against the agent on this machine, started as the evaluator starts it, with progress, a JSON
 * summary and PNG frames.
 */
package ai.kinitro.miner.eval;
