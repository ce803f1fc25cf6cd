package ai.kinitro.desktop.api;

import java.util.Optional;

/** A row of {@code GET /leaderboards/submissions}: medians over the submission's completed results. */
public record SubmissionRank(long rank, String submissionId, String competitionId, String minerHotkey, String version,
    Optional<Double> avgReward, Optional<Double> successRate, long validators) {
  public SubmissionRank {
    submissionId = Nulls.text(submissionId);
    competitionId = Nulls.text(competitionId);
    minerHotkey = Nulls.text(minerHotkey);
    version = Nulls.text(version);
    avgReward = Nulls.opt(avgReward);
    successRate = Nulls.opt(successRate);
  }
}
