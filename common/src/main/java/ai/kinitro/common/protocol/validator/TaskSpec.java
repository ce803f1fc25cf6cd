package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One task of a job, chosen by the backend so every validator evaluates the same tasks.
 *
 * @param taskId stable id of the task inside the job; episodes and results refer to it
 * @param envName the environment (for MetaWorld, the env class name such as {@code reach-v3})
 * @param seed seed of the goal variant; sent as a decimal string (64-bit)
 */
public record TaskSpec(String taskId, String envName, @JsonFormat(shape = JsonFormat.Shape.STRING) long seed) {
  public TaskSpec {
    Fields.token(taskId, "task_id");
    Fields.token(envName, "env_name");
  }
}
