package ai.kinitro.rollout.runtime;

import ai.kinitro.rollout.submission.Submission;

/**
 * Starts agents. {@link #start} returns only once the agent answers Ping (or throws {@code
 * AGENT_FAILED_TO_START} / a more specific agent fault, having cleaned up everything it started).
 */
public interface AgentRuntime {
  RunningAgent start(Submission submission, AgentLimits limits);
}
