package ai.kinitro.common.agent;

import java.util.Map;
import java.util.Objects;

/**
 * One decision the agent must take: which episode (the ordinal from {@link TaskInfo#episodeIndex}),
 * the step number within it (from 0) and the named observation tensors.
 */
public record Step(long episodeIndex, int step, Map<String, AgentTensor> observation) {
  public Step {
    Objects.requireNonNull(observation, "observation");
    observation = Map.copyOf(observation);
  }

  /** The observation named {@code key}; a missing key is a programming error in the agent. */
  public AgentTensor get(String key) {
    AgentTensor t = observation.get(key);
    if (t == null) {
      throw new IllegalArgumentException("no observation named '" + key + "'; present: " + observation.keySet());
    }
    return t;
  }
}
