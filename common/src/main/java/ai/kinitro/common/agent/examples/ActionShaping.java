package ai.kinitro.common.agent.examples;

import ai.kinitro.common.agent.ActionSpace;
import ai.kinitro.common.agent.AgentTensor;

/** Turns a vector of numbers into a valid action of a given space. */
public final class ActionShaping {
  private ActionShaping() {}

  /**
   * Box: one value per element, clipped to the bounds, in the box's dtype. Discrete: a single value
   * is rounded; several values pick the index of the largest (argmax); the result is clamped.
   */
  public static AgentTensor toAction(ActionSpace space, double[] values) {
    return switch (space) {
      case ActionSpace.Box box -> {
        if (values.length != box.size()) {
          throw new IllegalArgumentException("policy produced " + values.length + " values for a box of " + box.size());
        }
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = Math.min(box.high(i), Math.max(box.low(i), values[i]));
        }
        yield switch (box.dtype()) {
          case FLOAT32 -> {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
              f[i] = (float) v[i];
            }
            yield AgentTensor.float32(box.shape(), f);
          }
          case FLOAT64 -> AgentTensor.float64(box.shape(), v);
          case INT64 -> {
            long[] l = new long[v.length];
            for (int i = 0; i < v.length; i++) {
              l[i] = Math.round(v[i]);
            }
            yield AgentTensor.int64(box.shape(), l);
          }
          case UINT8 -> {
            byte[] b = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
              b[i] = (byte) Math.round(v[i]);
            }
            yield AgentTensor.uint8(box.shape(), b);
          }
        };
      }
      case ActionSpace.Discrete d -> {
        long choice;
        if (values.length == 1) {
          choice = Math.round(values[0]);
        } else {
          int best = 0;
          for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
              best = i;
            }
          }
          choice = d.start() + best;
        }
        yield AgentTensor.scalar(Math.min(d.start() + d.n() - 1, Math.max(d.start(), choice)));
      }
    };
  }
}
