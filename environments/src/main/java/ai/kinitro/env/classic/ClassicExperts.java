package ai.kinitro.env.classic;

import ai.kinitro.env.Tensor;
import ai.kinitro.env.policy.Policy;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Simple controllers for the classic-control tasks, written from the physics: they show each task
 * is solvable and give the CLI something better than random to run. They read only the
 * observation, as an agent would.
 */
public final class ClassicExperts {
  private ClassicExperts() {}

  public static Map<String, Supplier<Policy>> all() {
    return Map.of(
        "classic/CartPole-v1", () -> ClassicExperts::cartPole,
        "classic/MountainCar-v0", () -> ClassicExperts::mountainCar,
        "classic/MountainCarContinuous-v0", () -> ClassicExperts::mountainCarContinuous,
        "classic/Pendulum-v1", () -> ClassicExperts::pendulum,
        "classic/Acrobot-v1", () -> ClassicExperts::acrobot);
  }

  private static float[] state(Map<String, Tensor> observation) {
    return ((Tensor.Float32) observation.get("state")).data();
  }

  /** PD control on the pole angle and the cart position: push towards where the pole leans. */
  static Tensor cartPole(Map<String, Tensor> observation) {
    float[] s = state(observation);
    double u = 1.0 * s[2] + 0.5 * s[3] + 0.01 * s[0] + 0.05 * s[1];
    return Tensor.scalar(u > 0 ? 1 : 0);
  }

  /** Pump energy: accelerate in the direction of motion. */
  static Tensor mountainCar(Map<String, Tensor> observation) {
    float[] s = state(observation);
    return Tensor.scalar(s[1] < 0 ? 0 : 2);
  }

  static Tensor mountainCarContinuous(Map<String, Tensor> observation) {
    float[] s = state(observation);
    return Tensor.float32(s[1] < 0 ? -1f : 1f);
  }

  /**
   * Energy-based swing-up, then a PD controller near the top. Without torque, {@code omega^2 / 2 +
   * 15 cos(theta)} is conserved (Gymnasium's dynamics, g = 10, m = l = 1); the upright rest state has
   * energy 15, so torque along omega adds the missing energy, and near the top a PD term holds it.
   */
  static Tensor pendulum(Map<String, Tensor> observation) {
    float[] s = state(observation);
    double cos = s[0];
    double theta = Math.atan2(s[1], cos);
    double omega = s[2];
    double torque;
    if (cos > 0.9) {
      torque = -10 * theta - 2 * omega;
    } else {
      double energy = 0.5 * omega * omega + 15 * cos;
      torque = Math.abs(omega) < 1e-3 ? 1 : (15 - energy) * omega;
    }
    return Tensor.float32((float) Math.max(-2, Math.min(2, torque)));
  }

  /** Pump energy through the elbow: torque in the direction the second link swings. */
  static Tensor acrobot(Map<String, Tensor> observation) {
    float[] s = state(observation);
    double dtheta2 = s[5];
    return Tensor.scalar(dtheta2 > 0 ? 2 : 0);
  }
}
