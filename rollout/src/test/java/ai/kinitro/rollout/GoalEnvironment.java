package ai.kinitro.rollout;

import ai.kinitro.env.DType;
import ai.kinitro.env.EnvId;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentFactory;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.Space;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A one-dimensional test task: the agent moves a point by its action (clipped to [-1, 1]) towards
 * a hidden goal drawn from the seed. The observation shows only the position and the step count;
 * the goal (the seed-derived layout) never appears in it. Success and termination when within 0.25.
 */
final class GoalEnvironment implements Environment {
  static final String ID = "test/Goal-v0";
  static final EnvSpec SPEC = new EnvSpec(EnvId.parse(ID),
      Map.of("state", Space.Box.uniform(DType.FLOAT64, new int[] {2}, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)),
      Space.Box.uniform(DType.FLOAT32, new int[] {1}, -1, 1), 20, List.of("top"), "reach a hidden goal on a line");

  static final EnvironmentFactory FACTORY = new EnvironmentFactory() {
    @Override
    public EnvSpec spec() {
      return SPEC;
    }

    @Override
    public Environment create() {
      return new GoalEnvironment();
    }
  };

  static EnvironmentRegistry registry() {
    return new EnvironmentRegistry(List.of(FACTORY));
  }

  /** The seed-derived hidden goal; tests check it never reaches the agent. */
  static double goalOf(long seed) {
    return new SplittableRandom(seed).nextDouble(-5, 5);
  }

  private double position;
  private double goal;
  private int steps;
  private int limit;
  private boolean over = true;

  @Override
  public EnvSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, Tensor> reset(long seed, ResetOptions options) {
    goal = goalOf(seed);
    position = 0;
    steps = 0;
    limit = options.maxEpisodeSteps().orElse(SPEC.maxEpisodeSteps());
    over = false;
    return observation();
  }

  private Map<String, Tensor> observation() {
    return Map.of("state", Tensor.float64(position, steps));
  }

  @Override
  public StepResult step(Tensor action) {
    if (over) {
      throw new IllegalStateException("step after the episode ended");
    }
    double a = Math.max(-1, Math.min(1, action.getDouble(0)));
    position += a;
    steps++;
    double distance = Math.abs(position - goal);
    boolean success = distance < 0.25;
    boolean truncated = !success && steps >= limit;
    over = success || truncated;
    return new StepResult(observation(), -distance, success, truncated, success, Map.of("distance_bucket", (int) distance));
  }

  @Override
  public double[] state() {
    return new double[] {position, goal, steps};
  }

  @Override
  public RgbImage render(String camera, int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    Arrays.fill(rgb, (byte) (int) Math.round(position * 10));
    return new RgbImage(width, height, rgb);
  }

  @Override
  public void close() {}
}
