package ai.kinitro.backend.job;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A job in REST answers, with its overall status and where it stands on each validator. Task
 * seeds are omitted while the submission's hold-out lasts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long competitionId,
    String minerHotkey,
    String provider,
    String benchmarkName,
    BenchmarkDefinition spec,
    List<TaskView> tasks,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Long rerunOf,
    Instant createdAt,
    EvaluationStatus status,
    List<AssignmentView> validators) {

  /** A task; {@code seed} is absent during the hold-out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TaskView(String taskId, String envName, @JsonFormat(shape = JsonFormat.Shape.STRING) Long seed) {}

  /** The job on one validator. {@code queuePosition} (1 = next) is present while it waits on that validator. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AssignmentView(
      String validatorHotkey,
      AssignmentStatus status,
      FailureClass failureClass,
      int attempts,
      Integer queuePosition,
      int progressEpisodes,
      Integer totalEpisodes,
      Instant deadline,
      String statusDetail,
      Integer errorCode,
      String errorMessage,
      Instant deliveredAt,
      Instant startedAt,
      Instant finishedAt,
      Instant updatedAt) {}
}
