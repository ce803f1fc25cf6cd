package ai.kinitro.env.manipulation;

import java.util.SplittableRandom;

/**
 * One MT10-style task: how its initial configuration is drawn from the seed, which bodies,
 * joints and obstacles it adds to the {@link Scene}, what it reports as objects and goal in the
 * observation, and its shaped reward and success test. Tasks are stateless; everything about an
 * episode lives in the scene (its {@code init} vector is the seeded variation).
 */
abstract sealed class Task
    permits PuckTask, DoorOpenTask, DrawerTask, ButtonPressTopdownTask,
        PegInsertSideTask, WindowTask {

  static final int TABLE = 0x8C6A4A;
  static final int PUCK = 0xC83C3C;
  static final int GOAL = 0x3CC85A;
  static final int HANDLE = 0x2E2E2E;
  static final int WOOD = 0xA8784E;
  static final int METAL = 0x9AA4AE;
  static final int BLUE = 0x4A78B4;
  static final int YELLOW = 0xD8B440;
  static final int GLASS = 0xA8D0E0;

  /** The result of judging one step. */
  record Evaluation(double reward, boolean success, double objToTarget, double nearObject, double inPlace) {}

  private final String name;
  private final String description;

  Task(String name, String description) {
    this.name = name;
    this.description = description;
  }

  final String name() {
    return name;
  }

  final String description() {
    return description;
  }

  /** Where the hand starts (MetaWorld's hand_init_pos). */
  double[] handInit() {
    return new double[] {0, 0.6, 0.2};
  }

  /** Number of values in the seeded initial configuration. */
  abstract int initSize();

  /** Draws the initial configuration (object and goal positions) from the episode's generator. */
  abstract double[] sample(SplittableRandom rng);

  /** Adds the task's parts, joints, obstacles, collision pairs and visuals to a fresh scene. */
  abstract void build(Scene scene);

  /** The goal position reported in the observation (values 36-38). */
  abstract double[] goal(double[] init);

  /** Writes object 1 (position, quaternion xyzw) and object 2 into {@code obs[4..17]}. */
  abstract void objects(Scene scene, double[] obs);

  /** Reward in [0, 10] and success for the observation just produced. */
  abstract Evaluation evaluate(Scene scene, double[] obs, double[] action, double[] goal);

  /** Called before every physics substep (springs, motors). */
  void beforeSubstep(Scene scene) {}

  static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  static double distance(double[] a, double[] b) {
    return Rewards.distance(a, 0, b, 0);
  }

  static double[] slice3(double[] v, int off) {
    return new double[] {v[off], v[off + 1], v[off + 2]};
  }

  /** Writes a part's centre and orientation as object 1, leaving object 2 zero. */
  static void writeObject(Part p, double[] obs) {
    obs[4] = p.x();
    obs[5] = p.y();
    obs[6] = p.z();
    p.quaternionXyzw(obs, 7);
  }
}
