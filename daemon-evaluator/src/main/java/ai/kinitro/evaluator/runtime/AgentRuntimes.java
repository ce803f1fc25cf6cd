package ai.kinitro.evaluator.runtime;

import ai.kinitro.rollout.runtime.AgentRuntime;

/**
 * The configured way of running agents. {@link #forJob} returns the runtime that starts the agent
 * of one job; {@link #close} stops every agent still running (evaluator shutdown) and whatever the
 * runtimes share.
 */
public interface AgentRuntimes extends AutoCloseable {
  /** The runtime for one job's agent. */
  AgentRuntime forJob(AgentJob job);

  /** A short description for logs and the health endpoint, e.g. {@code local (bubblewrap sandbox)}. */
  String describe();

  @Override
  void close();
}
