package ai.kinitro.desktop.api;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /competitions/leaderboard}: the leader of every active competition and the share of
 * the weights each leader actually gets (burn and one win per miner applied).
 */
public record Leaderboard(int totalCompetitions, long totalPoints, double burnShare, List<Leader> leaders,
    List<CompetitionLeader> competitions) {
  public Leaderboard {
    leaders = Nulls.list(leaders);
    competitions = Nulls.list(competitions);
  }

  public static Leaderboard empty() {
    return new Leaderboard(0, 0, 0, List.of(), List.of());
  }

  /** A miner leading one or more competitions. */
  public record Leader(int rank, String minerHotkey, long totalPoints, double weightShare, List<String> competitions) {
    public Leader {
      minerHotkey = Nulls.text(minerHotkey);
      competitions = Nulls.list(competitions);
    }
  }

  /** One active competition and its current leader, if any. */
  public record CompetitionLeader(String competitionId, String competitionName, int points,
      Optional<String> currentLeaderHotkey, Optional<String> currentLeaderSubmissionId,
      Optional<Double> currentLeaderReward, double weightShare) {
    public CompetitionLeader {
      competitionId = Nulls.text(competitionId);
      competitionName = Nulls.text(competitionName);
      currentLeaderHotkey = Nulls.opt(currentLeaderHotkey);
      currentLeaderSubmissionId = Nulls.opt(currentLeaderSubmissionId);
      currentLeaderReward = Nulls.opt(currentLeaderReward);
    }
  }
}
