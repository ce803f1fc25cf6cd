package ai.kinitro.env.manipulation;

import ai.kinitro.env.manipulation.render.Mesh;
import java.util.SplittableRandom;

/** The puck shared by reach, push and pick-place: a small upright cylinder on the table. */
final class PuckSupport {
  static final double RADIUS = 0.02;
  static final double HALF_HEIGHT = 0.02;
  static final double MASS = 0.1;

  private PuckSupport() {}

  /**
   * Puck position x in [-0.1, 0.1], y in [0.6, 0.7] and a goal x in [-0.1, 0.1], y in [0.8, 0.9],
   * z in [goalZLow, goalZHigh], redrawn while they are closer than 0.15 m in the plane (as
   * MetaWorld does).
   */
  static double[] sample(SplittableRandom rng, double goalZLow, double goalZHigh) {
    while (true) {
      double[] v = {
        Task.uniform(rng, -0.1, 0.1), Task.uniform(rng, 0.6, 0.7), HALF_HEIGHT,
        Task.uniform(rng, -0.1, 0.1), Task.uniform(rng, 0.8, 0.9), Task.uniform(rng, goalZLow, goalZHigh),
      };
      if (Math.hypot(v[0] - v[3], v[1] - v[4]) >= 0.15) {
        return v;
      }
    }
  }

  static Part build(Scene s, boolean graspable) {
    double[] init = s.init;
    Part puck = s.addCylinderPart("puck", MASS, init[0], init[1], init[2], RADIUS, HALF_HEIGHT);
    if (graspable) {
      puck.gripWidth = 2 * RADIUS;
      puck.gripHalfLength = RADIUS;
    }
    s.collideWithTable(puck, 0.3);
    s.collideWithPads(puck, 0.8);
    s.visuals.add(new Visual(Mesh.cylinder(), Task.PUCK, s.parts.indexOf(puck),
        new double[] {0, 0, 0}, new double[] {RADIUS, RADIUS, HALF_HEIGHT}));
    return puck;
  }

  /** Reach term: how close the hand is to the puck, 1 within {@code radius}. */
  static double near(Scene s, double[] obs, double radius, double[] handInit) {
    double margin = Rewards.distance(handInit, 0, s.init, 0);
    return Rewards.tolerance(Rewards.distance(obs, 0, obs, 4), 0, radius, margin);
  }
}
