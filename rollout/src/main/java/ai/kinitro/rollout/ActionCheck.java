package ai.kinitro.rollout;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.DType;
import ai.kinitro.env.Space;
import ai.kinitro.env.Tensor;
import java.util.Arrays;

/**
 * Turns an agent's action into one the environment accepts, or refuses it as {@link
 * ErrorCode#AGENT_INVALID_ACTION}. Boxes: any numeric dtype with the box's element count (shape
 * {@code [n]} or the box's own shape), finite values, converted to the box's dtype; out-of-range
 * values are left for the environment to clip. Discrete: one integral value in range, as an int64
 * scalar (a 0-d or 1-element tensor of any dtype).
 */
final class ActionCheck {
  private ActionCheck() {}

  static Tensor check(Space space, Tensor action, long episode, int step) {
    return switch (space) {
      case Space.Box box -> box(box, action, episode, step);
      case Space.Discrete d -> discrete(d, action, episode, step);
    };
  }

  private static Tensor box(Space.Box box, Tensor a, long episode, int step) {
    int n = box.low().length;
    int[] shape = box.shape();
    boolean shapeOk = Arrays.equals(a.shape(), shape) || (a.shape().length == 1 && a.shape()[0] == n)
        || (n == 1 && a.shape().length == 0);
    if (!shapeOk) {
      throw invalid(episode, step, "shape " + Arrays.toString(a.shape()) + " does not fit the action box "
          + Arrays.toString(shape));
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(a.getDouble(i))) {
        throw invalid(episode, step, "element " + i + " is " + a.getDouble(i));
      }
    }
    if (a.dtype() == box.dtype() && Arrays.equals(a.shape(), shape)) {
      return a;
    }
    return switch (box.dtype()) {
      case FLOAT32 -> {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = (float) a.getDouble(i);
        }
        yield new Tensor.Float32(shape, v);
      }
      case FLOAT64 -> {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = a.getDouble(i);
        }
        yield new Tensor.Float64(shape, v);
      }
      case INT64 -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = Math.round(a.getDouble(i));
        }
        yield new Tensor.Int64(shape, v);
      }
      case UINT8 -> {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
          v[i] = (byte) Math.round(Math.max(0, Math.min(255, a.getDouble(i))));
        }
        yield new Tensor.UInt8(shape, v);
      }
    };
  }

  private static Tensor discrete(Space.Discrete d, Tensor a, long episode, int step) {
    if (a.size() != 1) {
      throw invalid(episode, step, "a discrete action is one value, got shape " + Arrays.toString(a.shape()));
    }
    double v = a.getDouble(0);
    if (v != Math.rint(v) || v < d.start() || v >= (double) d.start() + d.n()) {
      throw invalid(episode, step, "value " + v + " is not one of " + d.start() + ".." + (d.start() + d.n() - 1));
    }
    if (a.dtype() == DType.INT64 && a.shape().length == 0) {
      return a;
    }
    return Tensor.scalar((long) v);
  }

  private static KinitroException invalid(long episode, int step, String why) {
    return new KinitroException(ErrorCode.AGENT_INVALID_ACTION,
        "The agent's action for episode " + episode + " step " + step + " is invalid: " + why);
  }
}
