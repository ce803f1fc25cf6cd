package ai.kinitro.env.manipulation;

import java.util.SplittableRandom;

/**
 * peg-insert-side: pick up a peg lying along x and push its head (the -x end) sideways into a
 * square hole in a block. The hole is 0.05 m square, centred 0.13 m above the table, in the
 * block's +x face; the peg is 0.2 m long with a 0.03 m square section.
 */
final class PegInsertSideTask extends Task {
  static final double HALF_LENGTH = 0.1;
  static final double HALF_WIDTH = 0.015;
  static final double HOLE_Z = 0.13;
  static final double HOLE_HALF = 0.025;
  static final double SUCCESS_RADIUS = 0.03;

  PegInsertSideTask() {
    super("peg-insert-side", "Grasp a peg and insert it sideways into the hole of a block");
  }

  @Override
  int initSize() {
    return 6;
  }

  /**
   * Peg centre x in [0, 0.2], y in [0.5, 0.7] on the table; block x in [-0.35, -0.25], y in
   * [0.4, 0.7]; redrawn while closer than 0.1 m in the plane (as MetaWorld does).
   */
  @Override
  double[] sample(SplittableRandom rng) {
    while (true) {
      double[] v = {
        uniform(rng, 0.0, 0.2), uniform(rng, 0.5, 0.7), HALF_WIDTH,
        uniform(rng, -0.35, -0.25), uniform(rng, 0.4, 0.7), 0.0,
      };
      if (Math.hypot(v[0] - v[3], v[1] - v[4]) >= 0.1) {
        return v;
      }
    }
  }

  /** The block's +x face is the hole's mouth. */
  static double mouthX(double[] init) {
    return init[3] + 0.03;
  }

  @Override
  void build(Scene s) {
    double[] v = s.init;
    Part peg = s.addBoxPart("peg", 0.1, v[0], v[1], v[2], HALF_LENGTH, HALF_WIDTH, HALF_WIDTH);
    peg.gripWidth = 2 * HALF_WIDTH;
    peg.gripHalfLength = HALF_LENGTH - 0.01;
    s.collideWithTable(peg, 0.5);
    s.collideWithPads(peg, 0.8);
    double x0 = v[3] - 0.07;
    double x1 = mouthX(v);
    double by = v[4];
    double[][] blocks = {
      {x0, by - 0.1, 0, x1, by + 0.1, HOLE_Z - HOLE_HALF},
      {x0, by - 0.1, HOLE_Z + HOLE_HALF, x1, by + 0.1, 0.22},
      {x0, by - 0.1, HOLE_Z - HOLE_HALF, x1, by - HOLE_HALF, HOLE_Z + HOLE_HALF},
      {x0, by + HOLE_HALF, HOLE_Z - HOLE_HALF, x1, by + 0.1, HOLE_Z + HOLE_HALF},
    };
    for (double[] b : blocks) {
      var geom = s.addStaticBox(b[0], b[1], b[2], b[3], b[4], b[5]);
      double radius = Math.sqrt((b[3] - b[0]) * (b[3] - b[0]) + (b[4] - b[1]) * (b[4] - b[1]) + (b[5] - b[2]) * (b[5] - b[2])) / 2;
      s.collideWithStatic(peg, geom, radius, 0.3);
      s.visuals.add(Visual.fixedBox(b[0], b[1], b[2], b[3], b[4], b[5], BLUE));
    }
    int i = s.parts.indexOf(peg);
    s.visuals.add(Visual.partBox(i, 0.006, 0, 0, HALF_LENGTH - 0.006, HALF_WIDTH, HALF_WIDTH, 0x3CA050));
    s.visuals.add(Visual.partBox(i, -HALF_LENGTH + 0.006, 0, 0, 0.006, HALF_WIDTH, HALF_WIDTH, HANDLE));
  }

  @Override
  double[] goal(double[] init) {
    return new double[] {mouthX(init) - 0.04, init[4], HOLE_Z};
  }

  @Override
  void objects(Scene s, double[] obs) {
    writeObject(s.parts.get(0), obs);
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double[] head = new double[3];
    s.parts.get(0).point(-HALF_LENGTH, 0, 0, head, 0);
    double toGoal = distance(head, goal);
    double handToPeg = Rewards.distance(obs, 0, obs, 4);
    double reach = Rewards.tolerance(handToPeg, 0, 0.02, distance(handInit(), s.init));
    double[] headInit = {s.init[0] - HALF_LENGTH, s.init[1], s.init[2]};
    double inPlace = Rewards.tolerance(toGoal, 0, SUCCESS_RADIUS, distance(headInit, goal));
    boolean held = s.grasped == 0;
    double reward = 2 * reach + (held ? 1 + 6 * inPlace : 0);
    boolean success = toGoal <= SUCCESS_RADIUS;
    return new Evaluation(success ? 10 : reward, success, toGoal, handToPeg, inPlace);
  }
}
