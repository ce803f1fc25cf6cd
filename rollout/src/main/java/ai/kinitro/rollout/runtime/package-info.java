/**
 * Agent runtimes: where a submission's agent runs while it is evaluated. {@link
 * ai.kinitro.rollout.runtime.AgentRuntime} is the port; {@link
 * ai.kinitro.rollout.runtime.LocalSandboxRuntime} runs the agent as a local process inside
 * bubblewrap (no network but its own loopback, read-only files, private /tmp, resource limits),
 * reached over a Unix socket relayed into the sandbox, with a clearly reported weaker fallback
 * when bubblewrap is missing. The Kubernetes runtime implements the same port elsewhere.
 */
package ai.kinitro.rollout.runtime;
