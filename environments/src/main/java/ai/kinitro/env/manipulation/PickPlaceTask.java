package ai.kinitro.env.manipulation;

/** pick-place: grasp the puck and carry it to a goal in the air. */
final class PickPlaceTask extends PuckTask {
  static final double SUCCESS_RADIUS = 0.07;

  PickPlaceTask() {
    super("pick-place", "Grasp the puck, lift it and place it at a goal position in the air");
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double toGoal = Rewards.distance(obs, 4, goal, 0);
    double handToPuck = Rewards.distance(obs, 0, obs, 4);
    double inPlace = Rewards.tolerance(toGoal, 0, 0.05, distance(s.init, goal));
    double near = PuckSupport.near(s, obs, 0.02, handInit());
    boolean held = s.grasped == 0;
    boolean lifted = obs[6] - s.init[2] > 0.01;
    double reward = 2 * near + (held ? 1 : 0) + (held && lifted ? 6 * inPlace : 0);
    boolean success = toGoal <= SUCCESS_RADIUS;
    return new Evaluation(success ? 10 : reward, success, toGoal, handToPuck, inPlace);
  }
}
