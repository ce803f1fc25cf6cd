package ai.kinitro.backend.result;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** An episode summary in REST answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpisodeView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
    String validatorHotkey,
    String taskId,
    int episodeIndex,
    String envName,
    String benchmarkName,
    Boolean success,
    Double finalReward,
    Integer steps,
    Instant startedAt,
    Instant endedAt,
    JsonNode extraMetrics,
    boolean pendingSummary,
    Instant createdAt,
    Instant updatedAt) {
  static EpisodeView of(Episode e) {
    return new EpisodeView(e.id(), e.jobId(), e.submissionId(), e.validatorHotkey(), e.taskId(), e.episodeIndex(), e.envName(),
        e.benchmarkName(), e.success(), e.finalReward(), e.steps(), e.startedAt(), e.endedAt(), e.extraMetrics().tree(), e.pendingSummary(),
        e.createdAt(), e.updatedAt());
  }
}
