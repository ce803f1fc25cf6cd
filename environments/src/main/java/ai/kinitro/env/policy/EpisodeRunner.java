package ai.kinitro.env.policy;

import ai.kinitro.env.Environment;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import java.util.Map;

/** Runs one episode of an in-process policy in an environment. */
public final class EpisodeRunner {
  private EpisodeRunner() {}

  /** Sees every step, e.g. to print it or to render a frame. */
  @FunctionalInterface
  public interface StepObserver {
    StepObserver NONE = (step, action, result) -> { };

    /** {@code step} counts from 1. */
    void onStep(int step, Tensor action, StepResult result);
  }

  public static EpisodeSummary run(Environment env, Policy policy, long seed, ResetOptions options, StepObserver observer) {
    policy.reset();
    Map<String, Tensor> observation = env.reset(seed, options);
    double total = 0;
    boolean success = false;
    int step = 0;
    while (true) {
      Tensor action = policy.act(observation);
      StepResult result = env.step(action);
      step++;
      total += result.reward();
      success |= result.success();
      observer.onStep(step, action, result);
      if (result.done()) {
        return new EpisodeSummary(seed, total, step, success, result.terminated(), result.truncated());
      }
      observation = result.observation();
    }
  }
}
