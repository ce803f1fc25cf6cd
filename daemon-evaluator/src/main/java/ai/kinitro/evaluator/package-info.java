/** The Kinitro evaluator daemon: queue consumer, agent runtimes, rollout engine and episode logging (evaluator issue). */
package ai.kinitro.evaluator;
