package ai.kinitro.common.protocol;

/**
 * Aggregate metrics of one evaluation.
 *
 * @param score the ranking score, finite and {@code >= 0}
 * @param successRate fraction of successful episodes, in [0, 1]
 * @param avgReward mean cumulative episode reward (may be negative)
 * @param totalEpisodes episodes that finished and count towards the metrics
 */
public record Metrics(double score, double successRate, double avgReward, int totalEpisodes) {
  public Metrics {
    Fields.nonNegative(score, "score");
    Fields.fraction(successRate, "success_rate");
    Fields.finite(avgReward, "avg_reward");
    Fields.atLeast(totalEpisodes, 0, "total_episodes");
  }
}
