package ai.kinitro.env.manipulation;

import ai.kinitro.env.manipulation.render.Mesh;
import java.util.SplittableRandom;

/**
 * button-press-topdown: press a spring-loaded button down from above. The button cap sticks
 * 0.04 m out of a housing and travels up to 0.035 m; a motor with limited force pulls it back up.
 */
final class ButtonPressTopdownTask extends Task {
  static final double REST_TOP = 0.14;
  static final double TRAVEL = 0.035;
  static final double PRESSED_TOP = 0.11;

  ButtonPressTopdownTask() {
    super("button-press-topdown", "Press a button down from above");
  }

  @Override
  double[] handInit() {
    return new double[] {0, 0.4, 0.2};
  }

  @Override
  int initSize() {
    return 3;
  }

  /** The housing's position: x in [-0.1, 0.1], y in [0.8, 0.9]. */
  @Override
  double[] sample(SplittableRandom rng) {
    return new double[] {uniform(rng, -0.1, 0.1), uniform(rng, 0.8, 0.9), 0.115};
  }

  @Override
  void build(Scene s) {
    double x = s.init[0];
    double y = s.init[1];
    Part cap = s.addCylinderPart("button", 0.05, x, y, REST_TOP - 0.02, 0.02, 0.02);
    s.slider(cap, 0, 0, -1, 0, TRAVEL, 1.0);
    s.collideWithPads(cap, 0.5);
    s.visuals.add(new Visual(Mesh.cylinder(), PUCK, s.parts.indexOf(cap),
        new double[] {0, 0, 0}, new double[] {0.02, 0.02, 0.02}));
    s.visuals.add(Visual.fixedBox(x - 0.05, y - 0.05, 0, x + 0.05, y + 0.05, 0.1, YELLOW));
  }

  @Override
  void beforeSubstep(Scene s) {
    Part cap = s.parts.get(0);
    // A stiff spring with limited force: drive the cap back towards its rest position.
    cap.slider.setParamVel(-20 * cap.slider.getPosition());
  }

  @Override
  double[] goal(double[] init) {
    return new double[] {init[0], init[1], PRESSED_TOP};
  }

  @Override
  void objects(Scene s, double[] obs) {
    Part cap = s.parts.get(0);
    cap.point(0, 0, 0.02, obs, 4);
    cap.quaternionXyzw(obs, 7);
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double[] tip = {obs[0], obs[1], obs[2] + Scene.PAD_BOTTOM};
    double tipToButton = Rewards.distance(tip, 0, obs, 4);
    double[] hi = handInit();
    double[] tipInit = {hi[0], hi[1], hi[2] + Scene.PAD_BOTTOM};
    double[] topInit = {s.init[0], s.init[1], REST_TOP};
    double near = Rewards.tolerance(tipToButton, 0, 0.01, distance(tipInit, topInit));
    double depthError = Math.abs(obs[6] - goal[2]);
    double pressed = Rewards.tolerance(depthError, 0, 0.005, REST_TOP - PRESSED_TOP);
    double closed = 1 - obs[3];
    double reward = 5 * Rewards.hamacher(closed, near) + (tipToButton <= 0.03 ? 5 * pressed : 0);
    boolean success = depthError <= 0.01;
    return new Evaluation(success ? 10 : reward, success, depthError, tipToButton, pressed);
  }
}
