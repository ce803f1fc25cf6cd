package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Validator → backend, durable: summary of one finished episode. Its natural key is (job,
 * validator, task_id, episode_index); the backend upserts on it, so redelivery is harmless.
 * Submission, benchmark and environment are derived from the job and its task set.
 *
 * @param messageId delivery id
 * @param jobId the job
 * @param taskId the task, from the job's task set
 * @param episodeIndex index of the episode within the task, from 0
 * @param success the episode reached the goal
 * @param finalReward cumulative reward of the episode
 * @param steps steps taken
 * @param startedAt when the episode started
 * @param endedAt when it ended
 * @param extraMetrics provider-specific metrics (a JSON object, empty when absent)
 */
public record EpisodeData(
    UUID messageId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    String taskId,
    int episodeIndex,
    boolean success,
    double finalReward,
    int steps,
    Instant startedAt,
    Instant endedAt,
    JsonNode extraMetrics)
    implements ValidatorMessage, DurableMessage {
  public EpisodeData {
    Fields.required(messageId, "message_id");
    Fields.id(jobId, "job_id");
    Fields.token(taskId, "task_id");
    Fields.atLeast(episodeIndex, 0, "episode_index");
    Fields.finite(finalReward, "final_reward");
    Fields.atLeast(steps, 0, "steps");
    Fields.required(startedAt, "started_at");
    Fields.required(endedAt, "ended_at");
    Fields.notBefore(endedAt, startedAt, "ended_at", "started_at");
    extraMetrics = Fields.jsonObjectOrEmpty(extraMetrics, "extra_metrics");
  }
}
