package ai.kinitro.env.manipulation;

import java.util.SplittableRandom;

/** reach: move the hand to a goal in the air. The puck is a distractor. */
final class ReachTask extends Task {
  ReachTask() {
    super("reach", "Move the gripper to a goal position in the air above the table");
  }

  @Override
  int initSize() {
    return 6;
  }

  @Override
  double[] sample(SplittableRandom rng) {
    return PuckSupport.sample(rng, 0.05, 0.3);
  }

  @Override
  void build(Scene s) {
    PuckSupport.build(s, true);
  }

  @Override
  double[] goal(double[] init) {
    return slice3(init, 3);
  }

  @Override
  void objects(Scene s, double[] obs) {
    writeObject(s.parts.get(0), obs);
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double toGoal = Rewards.distance(obs, 0, goal, 0);
    double margin = distance(handInit(), goal);
    double inPlace = Rewards.tolerance(toGoal, 0, 0.05, margin);
    return new Evaluation(10 * inPlace, toGoal <= 0.05, toGoal, toGoal, inPlace);
  }
}
