package ai.kinitro.env.manipulation;

/** Child-process entry point for the cross-process determinism test: prints one digest. */
public final class TrajectoryMain {
  private TrajectoryMain() {}

  public static void main(String[] args) {
    System.out.println(Trajectories.digest(args[0], Long.parseLong(args[1]), Integer.parseInt(args[2])));
  }
}
