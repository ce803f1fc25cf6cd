package ai.kinitro.env.manipulation;

import java.util.SplittableRandom;

/**
 * door-open: swing a hinged door towards the robot by pushing its handle sideways. The door panel
 * (0.3 m wide) hinges at its left edge; the handle is a vertical bar 0.27 m from the hinge,
 * standing 0.08 m in front of the panel.
 */
final class DoorOpenTask extends Task {
  static final double HANDLE_ALONG = 0.27;
  static final double HANDLE_OUT = -0.08;
  static final double HEIGHT = 0.15;

  DoorOpenTask() {
    super("door-open", "Open a hinged door by pushing its handle until the door swings towards the robot");
  }

  @Override
  int initSize() {
    return 3;
  }

  /** The closed door panel's centre: x in [0, 0.1], y in [0.85, 0.95], z = 0.15. */
  @Override
  double[] sample(SplittableRandom rng) {
    return new double[] {uniform(rng, 0.0, 0.1), uniform(rng, 0.85, 0.95), HEIGHT};
  }

  @Override
  void build(Scene s) {
    double x = s.init[0];
    double y = s.init[1];
    Part door = s.addBoxPart("door", 1.0, x, y, HEIGHT, 0.15, 0.01, 0.14);
    s.addBoxGeom(door, HANDLE_ALONG - 0.15, HANDLE_OUT, 0, 0.01, 0.01, 0.06);
    s.hinge(door, x - 0.15, y, HEIGHT, -1.75, 0, 0.5);
    s.collideWithPads(door, 0.5);
    int i = s.parts.indexOf(door);
    s.visuals.add(Visual.partBox(i, 0, 0, 0, 0.15, 0.01, 0.14, WOOD));
    s.visuals.add(Visual.partBox(i, HANDLE_ALONG - 0.15, HANDLE_OUT, 0, 0.01, 0.01, 0.06, HANDLE));
    s.visuals.add(Visual.partBox(i, HANDLE_ALONG - 0.15, HANDLE_OUT / 2, 0.045, 0.006, -HANDLE_OUT / 2, 0.006, HANDLE));
    s.visuals.add(Visual.partBox(i, HANDLE_ALONG - 0.15, HANDLE_OUT / 2, -0.045, 0.006, -HANDLE_OUT / 2, 0.006, HANDLE));
    s.visuals.add(Visual.fixedBox(x - 0.19, y - 0.01, 0, x - 0.16, y + 0.26, 0.33, METAL));
    s.visuals.add(Visual.fixedBox(x + 0.16, y - 0.01, 0, x + 0.19, y + 0.26, 0.33, METAL));
    s.visuals.add(Visual.fixedBox(x - 0.19, y - 0.01, 0.30, x + 0.19, y + 0.26, 0.33, METAL));
    s.visuals.add(Visual.fixedBox(x - 0.16, y + 0.02, 0, x + 0.16, y + 0.26, 0.30, 0x6E7880));
  }

  @Override
  double[] goal(double[] init) {
    // The handle's position when the door is open by 90 degrees.
    return new double[] {init[0] - 0.15 + HANDLE_OUT, init[1] - HANDLE_ALONG, HEIGHT};
  }

  @Override
  void objects(Scene s, double[] obs) {
    Part door = s.parts.get(0);
    door.point(HANDLE_ALONG - 0.15, HANDLE_OUT, 0, obs, 4);
    door.quaternionXyzw(obs, 7);
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double opened = -s.parts.get(0).hinge.getAngle();
    double toGoalX = Math.abs(obs[4] - goal[0]);
    double[] beside = {obs[4] + 0.02, obs[5], obs[6]};
    double handToHandle = Rewards.distance(obs, 0, beside, 0);
    double ready = Rewards.tolerance(handToHandle, 0, 0.03, 0.5);
    double open = 0.2 * (opened > Math.PI / 90 ? 1 : 0) + 0.8 * Rewards.tolerance(Math.PI / 2 - opened, 0, 0.2, Math.PI / 3);
    boolean success = toGoalX <= 0.08;
    return new Evaluation(success ? 10 : 2 * ready + 8 * open, success, toGoalX, handToHandle, open);
  }
}
