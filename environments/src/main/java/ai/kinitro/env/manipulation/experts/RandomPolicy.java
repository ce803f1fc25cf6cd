package ai.kinitro.env.manipulation.experts;

import java.util.SplittableRandom;

/** Uniform random actions in [-1, 1]^4 from a seeded generator: the baseline the tests compare to. */
public final class RandomPolicy implements ManipulationPolicy {
  private final SplittableRandom rng;

  public RandomPolicy(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  @Override
  public float[] act(double[] observation) {
    float[] a = new float[4];
    for (int i = 0; i < 4; i++) {
      a[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return a;
  }
}
