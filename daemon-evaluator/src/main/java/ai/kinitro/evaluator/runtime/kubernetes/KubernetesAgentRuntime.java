package ai.kinitro.evaluator.runtime.kubernetes;

import ai.kinitro.evaluator.runtime.AgentJob;
import ai.kinitro.rollout.runtime.AgentLimits;
import ai.kinitro.rollout.runtime.AgentRuntime;
import ai.kinitro.rollout.runtime.RunningAgent;
import ai.kinitro.rollout.submission.Submission;
import java.util.Objects;

/**
 * The {@link AgentRuntime} of one job in cluster mode: {@link #start} creates the job's pod and
 * NetworkPolicy, waits for the agent to run and answer Ping, and returns it; on any failure the
 * pod is deleted before the (classified) exception leaves. The submission was already checked by
 * the evaluator; the pod fetches and checks the same archive again itself.
 */
public final class KubernetesAgentRuntime implements AgentRuntime {
  private final KubernetesAgentRuntimes runtimes;
  private final AgentJob job;

  KubernetesAgentRuntime(KubernetesAgentRuntimes runtimes, AgentJob job) {
    this.runtimes = Objects.requireNonNull(runtimes, "runtimes");
    this.job = Objects.requireNonNull(job, "job");
  }

  @Override
  public RunningAgent start(Submission submission, AgentLimits limits) {
    return runtimes.start(job, submission, limits);
  }
}
