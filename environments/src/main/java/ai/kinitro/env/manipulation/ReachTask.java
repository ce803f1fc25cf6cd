package ai.kinitro.env.manipulation;

/** reach: move the hand to a goal in the air. The puck is a distractor. */
final class ReachTask extends PuckTask {
  ReachTask() {
    super("reach", "Move the gripper to a goal position in the air above the table");
  }

  @Override
  Evaluation evaluate(Scene s, double[] obs, double[] action, double[] goal) {
    double toGoal = Rewards.distance(obs, 0, goal, 0);
    double margin = distance(handInit(), goal);
    double inPlace = Rewards.tolerance(toGoal, 0, 0.05, margin);
    return new Evaluation(10 * inPlace, toGoal <= 0.05, toGoal, toGoal, inPlace);
  }
}
