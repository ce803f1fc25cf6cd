package ai.kinitro.rollout;

import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Calls a Java {@link Agent} in this JVM with no transport: for the desktop's quick local check of
 * a Java agent and as the in-process baseline of the benchmark. Exceptions from the agent become
 * {@link ErrorCode#AGENT_CALL_FAILED}. There is no isolation, and timeouts are ignored (a call
 * cannot be abandoned without a second thread).
 */
public final class InProcessAgentClient implements AgentClient {
  private final Agent agent;

  public InProcessAgentClient(Agent agent) {
    this.agent = Objects.requireNonNull(agent, "agent");
  }

  @Override
  public String ping(Duration timeout) {
    return agent.name();
  }

  @Override
  public void reset(TaskInfo task, Duration timeout) {
    guard("Reset", () -> {
      agent.reset(task);
      return null;
    });
  }

  @Override
  public Tensor act(AgentStep step, Duration timeout) {
    AgentTensor a = guard("Act", () -> agent.act(toSdk(step)));
    if (a == null) {
      throw new KinitroException(ErrorCode.AGENT_INVALID_ACTION, "The agent returned no action");
    }
    return EnvTensors.fromAgent(a);
  }

  @Override
  public List<Tensor> actBatch(List<AgentStep> steps, Duration timeout) {
    List<Step> sdk = new ArrayList<>(steps.size());
    for (AgentStep s : steps) {
      sdk.add(toSdk(s));
    }
    List<AgentTensor> actions = guard("ActBatch", () -> agent.actBatch(sdk));
    if (actions == null || actions.size() != steps.size()) {
      throw new KinitroException(ErrorCode.AGENT_INVALID_ACTION, "The agent returned "
          + (actions == null ? "no" : actions.size()) + " actions for " + steps.size() + " steps");
    }
    List<Tensor> out = new ArrayList<>(actions.size());
    for (AgentTensor a : actions) {
      if (a == null) {
        throw new KinitroException(ErrorCode.AGENT_INVALID_ACTION, "The agent returned a null action in a batch");
      }
      out.add(EnvTensors.fromAgent(a));
    }
    return out;
  }

  private static Step toSdk(AgentStep step) {
    Map<String, AgentTensor> obs = new LinkedHashMap<>();
    step.observation().forEach((k, v) -> obs.put(k, EnvTensors.toAgent(v)));
    return new Step(step.episodeIndex(), step.step(), obs);
  }

  private static <T> T guard(String call, java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (KinitroException e) {
      throw e.code().name().startsWith("AGENT_") ? e
          : new KinitroException(ErrorCode.AGENT_CALL_FAILED, "The agent failed " + call + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new KinitroException(ErrorCode.AGENT_CALL_FAILED, "The agent failed " + call + ": " + e, e);
    }
  }

  @Override
  public void close() {}
}
