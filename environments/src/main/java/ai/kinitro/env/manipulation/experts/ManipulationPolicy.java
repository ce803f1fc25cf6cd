package ai.kinitro.env.manipulation.experts;

import ai.kinitro.env.Tensor;
import java.util.Map;

/** A policy for the manipulation suite: observation (39 values) to action (4 values in [-1, 1]). */
public interface ManipulationPolicy {
  /** The action for one observation: hand delta x, y, z and gripper effort (+1 closes). */
  float[] act(double[] observation);

  /** Convenience for environment observations: reads the {@code state} tensor, returns float32[4]. */
  default Tensor.Float32 act(Map<String, Tensor> observation) {
    Tensor state = observation.get("state");
    if (state == null) {
      throw new IllegalArgumentException("observation has no 'state' tensor");
    }
    double[] obs = new double[state.size()];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = state.getDouble(i);
    }
    return Tensor.float32(act(obs));
  }
}
