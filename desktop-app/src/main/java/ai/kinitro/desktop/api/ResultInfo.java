package ai.kinitro.desktop.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One validator's result for one job ({@code GET /results}). */
public record ResultInfo(
    String id,
    String jobId,
    String submissionId,
    String validatorHotkey,
    String benchmarkName,
    String status,
    Optional<Double> score,
    Optional<Double> successRate,
    Optional<Double> avgReward,
    Optional<Integer> totalEpisodes,
    Optional<String> errorMessage,
    Optional<Instant> resultTime) {
  public ResultInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(validatorHotkey, "validatorHotkey");
    benchmarkName = Nulls.text(benchmarkName);
    status = Nulls.text(status);
    score = Nulls.opt(score);
    successRate = Nulls.opt(successRate);
    avgReward = Nulls.opt(avgReward);
    totalEpisodes = Nulls.opt(totalEpisodes);
    errorMessage = Nulls.opt(errorMessage);
    resultTime = Nulls.opt(resultTime);
  }
}
