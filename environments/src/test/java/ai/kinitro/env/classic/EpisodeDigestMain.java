package ai.kinitro.env.classic;

/** Test helper run in a child JVM: prints {@code id seed digest} lines for the given seed. */
public final class EpisodeDigestMain {
  private EpisodeDigestMain() {}

  public static void main(String[] args) {
    long seed = Long.parseLong(args[0]);
    for (String id : Episodes.IDS) {
      System.out.println(id + " " + seed + " " + Episodes.digest(id, seed));
    }
  }
}
