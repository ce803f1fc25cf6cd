package ai.kinitro.rollout;

import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.env.Tensor;
import java.time.Duration;
import java.util.List;

/**
 * The evaluator's view of an agent, whatever carries the calls (gRPC to a sandboxed process, or a
 * Java agent in this JVM). Each call takes the time it may use; a transport that cannot enforce it
 * (in-process) documents so. Failures are {@link ai.kinitro.common.error.KinitroException}s with an
 * agent-fault code ({@code AGENT_*}). Not thread-safe: one call at a time.
 */
public interface AgentClient extends AutoCloseable {

  /** Liveness: returns the agent's name. */
  String ping(Duration timeout);

  /** Starts an episode; never carries the seed. */
  void reset(TaskInfo task, Duration timeout);

  /** One action for one step (the unbatched path). */
  Tensor act(AgentStep step, Duration timeout);

  /** One action per step, in order; the batched path (one round trip for all). */
  List<Tensor> actBatch(List<AgentStep> steps, Duration timeout);

  @Override
  void close();
}
