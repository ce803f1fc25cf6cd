package ai.kinitro.backend.job;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One task of a job as stored in {@code jobs.tasks}: the same values every validator gets in
 * {@code eval_job.benchmark.tasks} ({@code task_id} = {@code <env id>:<variant>}, {@code env_name} =
 * the environment registry id). Seeds are secret while the submission's hold-out lasts.
 */
public record JobTask(
    @JsonProperty("task_id") String taskId,
    @JsonProperty("env_name") String envName,
    @JsonProperty("seed") @JsonFormat(shape = JsonFormat.Shape.STRING) long seed) {
  public JobTask {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(envName, "envName");
  }
}
