/**
 * Log bundles: one JSON document per terminal outcome of a job ({@link
 * ai.kinitro.evaluator.logs.LogBundle}), with the job's identity, status, error, metrics, timings,
 * the agent and a long, bounded tail of its output. {@link ai.kinitro.evaluator.logs.LogBundles}
 * stores it through a {@link ai.kinitro.evaluator.logs.LogBundleStore} under {@code
 * evaluation-logs/<submission>/<job>/attempt-<n>.json}, and the job's {@code eval_result} refers
 * to it. Like frames, a bundle never changes an outcome: a failed upload is logged, counted and
 * the result goes out without the reference.
 */
package ai.kinitro.evaluator.logs;
