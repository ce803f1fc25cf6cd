package ai.kinitro.rollout;

import ai.kinitro.env.Tensor;
import java.util.Map;
import java.util.Objects;

/** One decision asked of the agent: the episode's ordinal, the step number and the observation. */
public record AgentStep(long episodeIndex, int step, Map<String, Tensor> observation) {
  public AgentStep {
    Objects.requireNonNull(observation, "observation");
    observation = Map.copyOf(observation);
  }
}
