package ai.kinitro.evaluator.runtime;

import ai.kinitro.rollout.runtime.AgentRuntime;
import ai.kinitro.rollout.runtime.Isolation;
import ai.kinitro.rollout.runtime.LocalSandboxRuntime;
import java.util.Objects;

/**
 * Local mode: every job's agent is a child process of the evaluator, in the bubblewrap sandbox of
 * {@link LocalSandboxRuntime} when bubblewrap and socat are installed, else a plain process with
 * resource limits only (reported at start-up and on every agent start). Each agent is stopped by
 * the job that started it; there is nothing shared to close.
 */
public final class LocalAgentRuntimes implements AgentRuntimes {
  private final LocalSandboxRuntime.Config config;
  private final LocalSandboxRuntime runtime;

  public LocalAgentRuntimes(LocalSandboxRuntime.Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.runtime = new LocalSandboxRuntime(config);
  }

  @Override
  public AgentRuntime forJob(AgentJob job) {
    return runtime;
  }

  /** How agents are isolated on this host. */
  public Isolation isolation() {
    return config.sandboxAvailable() ? Isolation.SANDBOX : Isolation.PROCESS;
  }

  @Override
  public String describe() {
    return "local (" + isolation().description() + ")";
  }

  @Override
  public void close() {}
}
