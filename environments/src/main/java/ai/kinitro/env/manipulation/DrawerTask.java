package ai.kinitro.env.manipulation;

import java.util.SplittableRandom;

/**
 * drawer-open and drawer-close: a drawer slides along y out of a cabinet. Its handle is a
 * horizontal bar 0.05 m in front of the drawer's front plate, so closed fingers can hook behind
 * it to pull, or push it from the front.
 */
final class DrawerTask extends Task {
  static final double TRAVEL = 0.2;
  static final double CLOSE_START = 0.15;
  static final double HANDLE_Z = 0.09;

  private final boolean open;

  DrawerTask(boolean open) {
    super(open ? "drawer-open" : "drawer-close",
        open ? "Pull a drawer open by its handle" : "Push an open drawer closed");
    this.open = open;
  }

  /**
   * MetaWorld starts the hand at (0, 0.6, 0.2) for both drawer tasks; for drawer-close that puts
   * it between the open drawer's handle and front plate, where random motion closes the drawer
   * most of the time. Our drawer-close starts 0.2 m further back, at (0, 0.4, 0.2).
   */
  @Override
  double[] handInit() {
    return open ? new double[] {0, 0.6, 0.2} : new double[] {0, 0.4, 0.3};
  }

  @Override
  int initSize() {
    return 3;
  }

  /** The cabinet's position: x in [-0.1, 0.1], y = 0.9, z = 0 (MetaWorld varies only x). */
  @Override
  double[] sample(SplittableRandom rng) {
    return new double[] {uniform(rng, -0.1, 0.1), 0.9, 0.0};
  }

  /** The handle position when the drawer is closed. */
  static double[] closedHandle(double[] init) {
    return new double[] {init[0], init[1] - 0.16, HANDLE_Z};
  }

  @Override
  void build(Scene s) {
    double[] h = closedHandle(s.init);
    Part drawer = s.addBoxPart("drawer", 1.0, h[0], h[1], h[2], 0.06, 0.01, 0.01);
    s.addBoxGeom(drawer, 0, 0.06, 0, 0.13, 0.01, 0.07);
    s.slider(drawer, 0, -1, 0, 0, TRAVEL, 2.0);
    if (!open) {
      drawer.body.setPosition(h[0], h[1] - CLOSE_START, h[2]);
    }
    s.collideWithPads(drawer, 0.5);
    int i = s.parts.indexOf(drawer);
    s.visuals.add(Visual.partBox(i, 0, 0, 0, 0.06, 0.01, 0.01, HANDLE));
    s.visuals.add(Visual.partBox(i, -0.05, 0.03, 0, 0.006, 0.02, 0.006, HANDLE));
    s.visuals.add(Visual.partBox(i, 0.05, 0.03, 0, 0.006, 0.02, 0.006, HANDLE));
    s.visuals.add(Visual.partBox(i, 0, 0.06, 0, 0.13, 0.01, 0.07, BLUE));
    s.visuals.add(Visual.partBox(i, 0, 0.18, -0.01, 0.12, 0.11, 0.05, 0x7C96B4));
    s.visuals.add(Visual.fixedBox(h[0] - 0.15, h[1] + 0.071, 0, h[0] + 0.15, s.init[1] + 0.15, 0.18, 0x5A6E8C));
  }

  @Override
  double[] goal(double[] init) {
    double[] h = closedHandle(init);
    if (open) {
      h[1] -= TRAVEL;
    }
    return h;
  }

  @Override
  void objects(Scene s, double[] obs) {
    writeObject(s.parts.get(0), obs);
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double toGoal = Rewards.distance(obs, 4, goal, 0);
    double handToHandle = Rewards.distance(obs, 0, obs, 4);
    double[] start = closedHandle(s.init);
    if (!open) {
      start[1] -= CLOSE_START;
    }
    double reachMargin = distance(handInit(), start);
    if (open) {
      double reach = Rewards.tolerance(handToHandle, 0, 0.03, reachMargin);
      double opened = Rewards.tolerance(toGoal, 0, 0.02, TRAVEL);
      boolean success = toGoal <= 0.03;
      return new Evaluation(success ? 10 : 5 * (reach + opened), success, toGoal, handToHandle, opened);
    }
    double reach = Rewards.tolerance(handToHandle, 0, 0.03, reachMargin);
    double inPlace = Rewards.tolerance(toGoal, 0, 0.04, CLOSE_START - 0.04);
    boolean success = toGoal <= 0.055;
    return new Evaluation(success ? 10 : 10 * Rewards.hamacher(reach, inPlace), success, toGoal, handToHandle, inPlace);
  }
}
