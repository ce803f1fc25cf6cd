package ai.kinitro.env.manipulation;

import java.util.SplittableRandom;

/**
 * A task around the one puck of {@link PuckSupport}: its seeded configuration is the puck's
 * position followed by the goal (six values), the goal is those last three values, and the puck
 * is the only reported object. Subclasses judge the step; {@link PushTask} keeps its goal on the
 * table.
 */
abstract sealed class PuckTask extends Task permits ReachTask, PushTask, PickPlaceTask {
  PuckTask(String name, String description) {
    super(name, description);
  }

  @Override
  final int initSize() {
    return 6;
  }

  /** The puck on the table and a goal in the air, 5 to 30 cm high. */
  @Override
  double[] sample(SplittableRandom rng) {
    return PuckSupport.sample(rng, 0.05, 0.3);
  }

  @Override
  final void build(Scene s) {
    PuckSupport.build(s, true);
  }

  @Override
  final double[] goal(double[] init) {
    return slice3(init, 3);
  }

  @Override
  final void objects(Scene s, double[] obs) {
    writeObject(s.parts.get(0), obs);
  }
}
