package ai.kinitro.env.manipulation;

import java.util.SplittableRandom;

/** push: move the puck along the table to a goal on the table. */
final class PushTask extends PuckTask {
  static final double TARGET_RADIUS = 0.05;

  PushTask() {
    super("push", "Push the puck across the table to a goal position on the table");
  }

  @Override
  double[] sample(SplittableRandom rng) {
    double[] v = PuckSupport.sample(rng, 0.0, 0.0);
    v[5] = PuckSupport.HALF_HEIGHT;
    return v;
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double toGoal = Rewards.distance(obs, 4, goal, 0);
    double handToPuck = Rewards.distance(obs, 0, obs, 4);
    double inPlace = Rewards.tolerance(toGoal, 0, TARGET_RADIUS, distance(s.init, goal));
    double near = PuckSupport.near(s, obs, 0.02, handInit());
    double reward = 2 * near;
    if (handToPuck < 0.03) {
      reward += 1 + 6 * inPlace;
    }
    boolean success = toGoal <= TARGET_RADIUS;
    return new Evaluation(success ? 10 : reward, success, toGoal, handToPuck, inPlace);
  }
}
