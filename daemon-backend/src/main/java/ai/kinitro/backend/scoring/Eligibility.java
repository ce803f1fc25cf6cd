package ai.kinitro.backend.scoring;

import ai.kinitro.backend.competition.Competition;

/** The competition rules a submission's aggregate must meet; shared by the score cycle and candidate approval. */
public final class Eligibility {
  private Eligibility() {}

  /** Thresholds: success rate and average reward at least the competition's minimums. */
  public static boolean meetsThresholds(Competition competition, double avgReward, double successRate) {
    return Double.isFinite(avgReward) && successRate >= competition.minSuccessRate() && avgReward >= competition.minAvgReward();
  }

  /**
   * The win-margin rule: strictly more than the leader's reward plus {@code win_margin_pct} of
   * its magnitude ({@code leader × (1 + margin)} for positive rewards, and still an improvement
   * for negative ones). With no leader every eligible aggregate wins.
   */
  public static boolean beatsLeader(Competition competition, double avgReward) {
    if (competition.currentLeaderHotkey() == null || competition.currentLeaderReward() == null) {
      return true;
    }
    double leader = competition.currentLeaderReward();
    return avgReward > leader + Math.abs(leader) * competition.winMarginPct();
  }
}
