package ai.kinitro.backend.result;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.FailureClass;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A result in REST answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long competitionId,
    String minerHotkey,
    String validatorHotkey,
    String benchmarkName,
    AssignmentStatus status,
    FailureClass failureClass,
    Double score,
    Double successRate,
    Double avgReward,
    Integer totalEpisodes,
    JsonNode tasks,
    Integer errorCode,
    String errorName,
    String errorMessage,
    Instant startedAt,
    Instant finishedAt,
    Instant resultTime) {
  static ResultView of(Result r) {
    return new ResultView(r.id(), r.jobId(), r.submissionId(), r.competitionId(), r.minerHotkey(), r.validatorHotkey(), r.benchmarkName(),
        r.status(), r.failureClass(), r.score(), r.successRate(), r.avgReward(), r.totalEpisodes(), r.tasks().tree(), r.errorCode(),
        r.errorName(), r.errorMessage(), r.startedAt(), r.finishedAt(), r.resultTime());
  }
}
