package ai.kinitro.desktop.chart.viewmodel;

/**
 * One finished episode on a chart.
 *
 * @param episode 1-based position in the series
 * @param reward the episode's total reward
 * @param success whether the episode succeeded
 * @param successRate share of successful episodes so far, this one included (0..1)
 */
public record EpisodePoint(int episode, double reward, boolean success, double successRate) {
  public EpisodePoint {
    if (episode < 1) {
      throw new IllegalArgumentException("episode is 1-based");
    }
    if (successRate < 0 || successRate > 1) {
      throw new IllegalArgumentException("successRate must be within 0..1");
    }
  }
}
