package ai.kinitro.rollout.runtime;

import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.Tensor;
import ai.kinitro.rollout.AgentClient;
import ai.kinitro.rollout.AgentStep;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A running agent's client: every failed call goes through the agent's {@link
 * RunningAgent#classify} before it is thrown, so a broken connection becomes what really happened
 * (a crash, a limit, an evicted pod). {@link #close} does nothing: the running agent owns the
 * connection and closes it with itself.
 */
public final class ClassifyingAgentClient implements AgentClient {
  private final AgentClient delegate;
  private final UnaryOperator<KinitroException> classify;

  public ClassifyingAgentClient(AgentClient delegate, UnaryOperator<KinitroException> classify) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.classify = Objects.requireNonNull(classify, "classify");
  }

  /**
   * The client this one wraps, e.g. the {@link ai.kinitro.rollout.GrpcAgentClient} whose {@code
   * streaming()} says whether steps went on {@code ActStream}.
   */
  public AgentClient delegate() {
    return delegate;
  }

  @Override
  public String ping(Duration timeout) {
    return guard(() -> delegate.ping(timeout));
  }

  @Override
  public void reset(TaskInfo task, Duration timeout) {
    guard(() -> {
      delegate.reset(task, timeout);
      return null;
    });
  }

  @Override
  public Tensor act(AgentStep step, Duration timeout) {
    return guard(() -> delegate.act(step, timeout));
  }

  @Override
  public List<Tensor> actBatch(List<AgentStep> steps, Duration timeout) {
    return guard(() -> delegate.actBatch(steps, timeout));
  }

  @Override
  public void close() {
    // The running agent owns the connection.
  }

  private <T> T guard(Supplier<T> call) {
    try {
      return call.get();
    } catch (KinitroException e) {
      throw classify.apply(e);
    }
  }
}
