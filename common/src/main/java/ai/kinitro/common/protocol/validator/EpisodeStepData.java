package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import ai.kinitro.common.protocol.StepRecord;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.UUID;

/**
 * Validator → backend, durable: a batch of logged steps of one episode, in increasing step order.
 * Each step's key is (job, validator, task_id, episode_index, step); the backend upserts on it.
 *
 * @param messageId delivery id
 * @param jobId the job
 * @param taskId the task
 * @param episodeIndex index of the episode within the task
 * @param steps 1..{@value #MAX_STEPS_PER_BATCH} steps, strictly increasing step numbers
 */
public record EpisodeStepData(
    UUID messageId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    String taskId,
    int episodeIndex,
    List<StepRecord> steps)
    implements ValidatorMessage, DurableMessage {
  /** Upper bound of one batch, to keep frames well below the frame limit. */
  public static final int MAX_STEPS_PER_BATCH = 500;

  public EpisodeStepData {
    Fields.required(messageId, "message_id");
    Fields.id(jobId, "job_id");
    Fields.token(taskId, "task_id");
    Fields.atLeast(episodeIndex, 0, "episode_index");
    steps = Fields.nonEmptyList(steps, "steps");
    if (steps.size() > MAX_STEPS_PER_BATCH) {
      throw Fields.invalid("steps", "holds more than " + MAX_STEPS_PER_BATCH + " steps");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).step() <= steps.get(i - 1).step()) {
        throw Fields.invalid("steps[" + i + "].step", "must be greater than the previous step");
      }
    }
  }
}
