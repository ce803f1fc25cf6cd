package ai.kinitro.env;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one step, as Gymnasium returns it: the next observation (named tensors), the
 * reward, whether the episode reached a terminal state ({@code terminated}) or was cut off by the
 * step limit ({@code truncated}), whether the task counts as solved at this step ({@code
 * success}), and extra diagnostics.
 */
public record StepResult(
    Map<String, Tensor> observation,
    double reward,
    boolean terminated,
    boolean truncated,
    boolean success,
    Map<String, Object> info) {
  public StepResult {
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(info, "info");
  }

  public boolean done() {
    return terminated || truncated;
  }
}
