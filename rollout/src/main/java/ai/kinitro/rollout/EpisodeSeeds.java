package ai.kinitro.rollout;

/**
 * How episode seeds follow from a task seed: episode {@code i} (from 0) of a task gets {@code
 * splitmix64(taskSeed + (i + 1) * 0x9E3779B97F4A7C15)}, the SplitMix64 output function. Anyone
 * holding the task seed can reproduce every episode; the batch size plays no part.
 */
public final class EpisodeSeeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private EpisodeSeeds() {}

  public static long episodeSeed(long taskSeed, int episodeInTask) {
    long z = taskSeed + (episodeInTask + 1L) * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
