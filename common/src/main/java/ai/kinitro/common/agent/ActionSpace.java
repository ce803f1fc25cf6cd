package ai.kinitro.common.agent;

import java.util.Arrays;
import java.util.Objects;

/** The set of valid actions of a task, as the agent learns it in {@link TaskInfo}. */
public sealed interface ActionSpace {

  /**
   * A box: element {@code i} must lie in {@code [low[i], high[i]]} (flattened row-major; infinite
   * bounds allowed).
   */
  record Box(AgentTensor.DType dtype, int[] shape, double[] low, double[] high) implements ActionSpace {
    public Box {
      Objects.requireNonNull(dtype, "dtype");
      shape = shape.clone();
      low = low.clone();
      high = high.clone();
      int n = AgentTensor.elementCount(shape);
      if (low.length != n || high.length != n) {
        throw new IllegalArgumentException("a box of shape " + Arrays.toString(shape) + " needs " + n + " bounds");
      }
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    @Override
    public double[] low() {
      return low.clone();
    }

    @Override
    public double[] high() {
      return high.clone();
    }

    public int size() {
      return low.length;
    }

    public double low(int i) {
      return low[i];
    }

    public double high(int i) {
      return high[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Box b && dtype == b.dtype && Arrays.equals(shape, b.shape)
          && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
      return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(low), Arrays.hashCode(high));
    }

    @Override
    public String toString() {
      return "Box(" + dtype.numpyName() + Arrays.toString(shape) + ", low=" + Arrays.toString(low)
          + ", high=" + Arrays.toString(high) + ")";
    }
  }

  /** The integers {@code start .. start+n-1}; the action is an int64 scalar. */
  record Discrete(long n, long start) implements ActionSpace {
    public Discrete {
      if (n <= 0) {
        throw new IllegalArgumentException("a discrete space needs n > 0");
      }
    }
  }
}
