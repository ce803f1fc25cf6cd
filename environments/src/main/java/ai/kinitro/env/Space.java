package ai.kinitro.env;

import java.util.Arrays;
import java.util.Objects;

/** The set of valid observations or actions, as Gymnasium describes them. */
public sealed interface Space {

  /** Whether {@code t} is an element of this space (dtype, shape and bounds). */
  boolean contains(Tensor t);

  /**
   * A box: every element {@code i} lies in {@code [low[i], high[i]]} (infinite bounds allowed).
   * {@code low}/{@code high} are flattened in row-major order.
   */
  record Box(DType dtype, int[] shape, double[] low, double[] high) implements Space {
    public Box {
      Objects.requireNonNull(dtype, "dtype");
      shape = shape.clone();
      low = low.clone();
      high = high.clone();
      int n = 1;
      for (int d : shape) {
        n *= d;
      }
      if (low.length != n || high.length != n) {
        throw new IllegalArgumentException("bounds must have " + n + " elements");
      }
    }

    /** A box whose elements all share one bound. */
    public static Box uniform(DType dtype, int[] shape, double low, double high) {
      int n = 1;
      for (int d : shape) {
        n *= d;
      }
      double[] lo = new double[n];
      double[] hi = new double[n];
      Arrays.fill(lo, low);
      Arrays.fill(hi, high);
      return new Box(dtype, shape, lo, hi);
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

    public double low(int i) {
      return low[i];
    }

    public double high(int i) {
      return high[i];
    }

    @Override
    public boolean contains(Tensor t) {
      if (t.dtype() != dtype || !Arrays.equals(t.shape(), shape)) {
        return false;
      }
      for (int i = 0; i < low.length; i++) {
        double v = t.getDouble(i);
        if (!(v >= low[i] && v <= high[i])) {
          return false;
        }
      }
      return true;
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
      return "Box(" + dtype.wireName() + Arrays.toString(shape) + ")";
    }
  }

  /** The integers {@code start, start+1, ..., start+n-1}, sent as an int64 scalar. */
  record Discrete(int n, int start) implements Space {
    public Discrete {
      if (n <= 0) {
        throw new IllegalArgumentException("n must be positive");
      }
    }

    @Override
    public boolean contains(Tensor t) {
      if (t.dtype() != DType.INT64 || t.shape().length != 0) {
        return false;
      }
      double v = t.getDouble(0);
      return v >= start && v < start + n;
    }
  }
}
