package ai.kinitro.env.policy;

import ai.kinitro.env.DType;
import ai.kinitro.env.Space;
import ai.kinitro.env.Tensor;
import java.util.Map;
import java.util.SplittableRandom;

/** Uniformly random actions from the action space, reproducible from a seed. */
public final class RandomPolicy implements Policy {
  private final Space space;
  private final SplittableRandom random;

  public RandomPolicy(Space space, long seed) {
    this.space = space;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public Tensor act(Map<String, Tensor> observation) {
    return switch (space) {
      case Space.Discrete d -> Tensor.scalar(d.start() + random.nextInt(d.n()));
      case Space.Box box -> {
        int n = box.low().length;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          double lo = Math.max(box.low(i), -1e6);
          double hi = Math.min(box.high(i), 1e6);
          values[i] = lo + (hi - lo) * random.nextDouble();
        }
        if (box.dtype() == DType.FLOAT32) {
          float[] f = new float[n];
          for (int i = 0; i < n; i++) {
            f[i] = (float) values[i];
          }
          yield new Tensor.Float32(box.shape(), f);
        }
        yield new Tensor.Float64(box.shape(), values);
      }
    };
  }
}
