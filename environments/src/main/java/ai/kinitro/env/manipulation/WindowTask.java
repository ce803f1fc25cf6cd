package ai.kinitro.env.manipulation;

import java.util.SplittableRandom;

/**
 * window-open and window-close: a window pane slides 0.2 m along x in a frame. Its handle is a
 * vertical bar 0.045 m in front of the pane, pushed sideways by the gripper.
 */
final class WindowTask extends Task {
  static final double TRAVEL = 0.2;
  static final double HEIGHT = 0.16;

  private final boolean open;

  WindowTask(boolean open) {
    super(open ? "window-open" : "window-close",
        open ? "Slide a window open by pushing its handle to the right" : "Slide an open window closed by pushing its handle to the left");
    this.open = open;
  }

  @Override
  double[] handInit() {
    return new double[] {0, 0.4, 0.2};
  }

  @Override
  int initSize() {
    return 3;
  }

  /** The handle's position with the window closed: x in [-0.1, 0.1], y in [0.7, 0.9], z = 0.16. */
  @Override
  double[] sample(SplittableRandom rng) {
    return new double[] {uniform(rng, -0.1, 0.1), uniform(rng, 0.7, 0.9), HEIGHT};
  }

  @Override
  void build(Scene s) {
    double x = s.init[0];
    double y = s.init[1];
    Part pane = s.addBoxPart("window", 1.0, x, y, HEIGHT, 0.01, 0.01, 0.04);
    s.addBoxGeom(pane, 0.08, 0.045, 0, 0.1, 0.005, 0.1);
    s.slider(pane, 1, 0, 0, 0, TRAVEL, 2.0);
    if (!open) {
      pane.body.setPosition(x + TRAVEL, y, HEIGHT);
    }
    s.collideWithPads(pane, 0.5);
    int i = s.parts.indexOf(pane);
    s.visuals.add(Visual.partBox(i, 0, 0, 0, 0.01, 0.01, 0.04, HANDLE));
    s.visuals.add(Visual.partBox(i, 0, 0.0225, 0.03, 0.006, 0.0125, 0.006, HANDLE));
    s.visuals.add(Visual.partBox(i, 0, 0.0225, -0.03, 0.006, 0.0125, 0.006, HANDLE));
    s.visuals.add(Visual.partBox(i, 0.08, 0.045, 0, 0.1, 0.005, 0.1, GLASS));
    s.visuals.add(Visual.fixedBox(x - 0.05, y + 0.03, 0, x - 0.02, y + 0.08, 0.3, WOOD));
    s.visuals.add(Visual.fixedBox(x + 0.38, y + 0.03, 0, x + 0.41, y + 0.08, 0.3, WOOD));
    s.visuals.add(Visual.fixedBox(x - 0.02, y + 0.03, 0, x + 0.38, y + 0.08, 0.05, WOOD));
    s.visuals.add(Visual.fixedBox(x - 0.02, y + 0.03, 0.27, x + 0.38, y + 0.08, 0.3, WOOD));
    s.visuals.add(Visual.fixedBox(x + 0.18, y + 0.06, 0.05, x + 0.38, y + 0.07, 0.27, 0x8CB4C8));
  }

  @Override
  double[] goal(double[] init) {
    return new double[] {init[0] + (open ? TRAVEL : 0), init[1], HEIGHT};
  }

  @Override
  void objects(Scene s, double[] obs) {
    writeObject(s.parts.get(0), obs);
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double toGoal = Math.abs(obs[4] - goal[0]);
    double handToHandle = Rewards.distance(obs, 0, obs, 4);
    double[] start = {s.init[0] + (open ? 0 : TRAVEL), s.init[1], HEIGHT};
    double reach = Rewards.tolerance(handToHandle, 0, 0.02, distance(handInit(), start));
    double inPlace = Rewards.tolerance(toGoal, 0, 0.05, TRAVEL - 0.05);
    boolean success = toGoal <= 0.05;
    return new Evaluation(success ? 10 : 10 * Rewards.hamacher(reach, inPlace), success, toGoal, handToHandle, inPlace);
  }
}
