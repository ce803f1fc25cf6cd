package ai.kinitro.rollout.onnx;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.Agent;
import ai.kinitro.common.agent.AgentTensor;
import ai.kinitro.common.agent.Step;
import ai.kinitro.common.agent.TaskInfo;
import ai.kinitro.common.agent.examples.ActionShaping;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link Agent} answering with an {@link OnnxPolicy}: the observation named {@code observation}
 * goes into the model, the model's output vector becomes an action of the episode's space ({@link
 * ActionShaping}: a box is clipped to its bounds; a discrete space takes one rounded value or the
 * argmax of several scores). Batches run the model once when it has a symbolic batch dimension.
 */
public final class OnnxAgent implements Agent {
  private final OnnxPolicy policy;
  private final String observation;
  private final String name;
  private final Map<Long, ActionSpace> spaces = new HashMap<>();

  public OnnxAgent(OnnxPolicy policy, String observation, String modelName) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.observation = Objects.requireNonNull(observation, "observation");
    this.name = "kinitro-onnx-runner/1 (" + Objects.requireNonNull(modelName, "modelName") + ")";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void reset(TaskInfo task) {
    spaces.put(task.episodeIndex(), task.actionSpace());
  }

  @Override
  public AgentTensor act(Step step) {
    return actBatch(List.of(step)).getFirst();
  }

  @Override
  public List<AgentTensor> actBatch(List<Step> steps) {
    List<AgentTensor> observations = new ArrayList<>(steps.size());
    List<ActionSpace> stepSpaces = new ArrayList<>(steps.size());
    for (Step s : steps) {
      ActionSpace space = spaces.get(s.episodeIndex());
      if (space == null) {
        throw new KinitroException(ErrorCode.CONFLICT, "Act for episode " + s.episodeIndex() + " before its Reset");
      }
      AgentTensor obs = s.observation().get(observation);
      if (obs == null) {
        throw new KinitroException(ErrorCode.ONNX_OBSERVATION_MISMATCH, "The observation has no tensor named '"
            + observation + "' (present: " + s.observation().keySet() + "); set \"input\" in kinitro-agent.json");
      }
      observations.add(obs);
      stepSpaces.add(space);
    }
    List<double[]> values = policy.run(observations);
    List<AgentTensor> actions = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      try {
        actions.add(ActionShaping.toAction(stepSpaces.get(i), values.get(i)));
      } catch (IllegalArgumentException e) {
        throw new KinitroException(ErrorCode.ONNX_OBSERVATION_MISMATCH, "The model's output does not fit the action "
            + "space " + stepSpaces.get(i) + ": " + e.getMessage(), e);
      }
    }
    return actions;
  }
}
