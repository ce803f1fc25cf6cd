package ai.kinitro.env;

import java.util.Map;

/**
 * One simulated task instance. Not thread-safe: one episode at a time, on one thread. The same
 * seed and actions give bit-identical episodes across runs and processes.
 *
 * <p>Lifecycle: {@link #reset} starts an episode and returns the first observation; {@link #step}
 * advances it until the result is {@code terminated} or {@code truncated}; stepping after that
 * without a reset is an error.
 */
public interface Environment extends AutoCloseable {
  EnvSpec spec();

  /** Starts an episode from the seed (or from {@code options.initialState()}). */
  Map<String, Tensor> reset(long seed, ResetOptions options);

  default Map<String, Tensor> reset(long seed) {
    return reset(seed, ResetOptions.DEFAULT);
  }

  /** Applies {@code action}, which must lie in {@link EnvSpec#actionSpace()} (boxes are clipped). */
  StepResult step(Tensor action);

  /**
   * The full simulator state, enough to restart the episode from here with {@link
   * ResetOptions#fromState}.
   */
  double[] state();

  /** Draws the scene from a named camera of {@link EnvSpec#cameras()} at the requested size. */
  RgbImage render(String camera, int width, int height);

  /** Releases native or physics resources; the environment cannot be used afterwards. */
  @Override
  void close();
}
