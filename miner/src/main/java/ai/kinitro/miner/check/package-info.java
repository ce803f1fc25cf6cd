/**
 * {@code check}: the manifest and the archive rules, then the agent started locally exactly as the
 * evaluator starts it (packaged, checked, extracted, sandboxed) and pinged.
 */
package ai.kinitro.miner.check;
