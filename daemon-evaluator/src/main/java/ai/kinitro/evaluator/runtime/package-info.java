/**
 * Agent runtimes as the orchestrator sees them: {@link ai.kinitro.evaluator.runtime.AgentRuntimes}
 * hands out an {@link ai.kinitro.rollout.runtime.AgentRuntime} per job, either the local sandbox
 * of module {@code rollout} (default) or one Kubernetes pod per submission (cluster mode, package
 * {@code runtime.kubernetes}), and owns what those runtimes share (work directory, client,
 * sweeper). Limits for every agent come from {@link ai.kinitro.evaluator.runtime.RuntimeProperties}.
 */
package ai.kinitro.evaluator.runtime;
