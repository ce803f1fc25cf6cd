package ai.kinitro.desktop.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An episode summary ({@code GET /episodes}); the fields are absent while the summary is pending. */
public record EpisodeInfo(
    String id,
    String jobId,
    String submissionId,
    String validatorHotkey,
    String taskId,
    int episodeIndex,
    String envName,
    Optional<Boolean> success,
    Optional<Double> finalReward,
    Optional<Integer> steps,
    Optional<Instant> endedAt) {
  public EpisodeInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(jobId, "jobId");
    validatorHotkey = Nulls.text(validatorHotkey);
    taskId = Nulls.text(taskId);
    envName = Nulls.text(envName);
    success = Nulls.opt(success);
    finalReward = Nulls.opt(finalReward);
    steps = Nulls.opt(steps);
    endedAt = Nulls.opt(endedAt);
  }
}
