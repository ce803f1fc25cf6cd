package ai.kinitro.env.policy;

import ai.kinitro.env.Tensor;
import java.util.Map;

/**
 * An in-process controller: observation in, action out. Scripted experts and the random baseline
 * are policies; submitted agents are reached through the rollout engine instead.
 */
@FunctionalInterface
public interface Policy {
  Tensor act(Map<String, Tensor> observation);

  /** Called at the start of every episode. */
  default void reset() {}
}
