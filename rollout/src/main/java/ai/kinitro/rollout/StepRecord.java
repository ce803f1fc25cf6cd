package ai.kinitro.rollout;

import ai.kinitro.env.RgbImage;
import ai.kinitro.env.Tensor;
import java.util.Map;
import java.util.Objects;

/**
 * A sampled step for episode logs and live views: the action taken at {@code step} (from 0), its
 * reward, the running total, the end flags, the environment's info, and the camera frames of the
 * observation the action answered (empty unless frames were requested).
 */
public record StepRecord(
    long episodeIndex,
    String taskId,
    int step,
    Tensor action,
    double reward,
    double cumulativeReward,
    boolean terminated,
    boolean truncated,
    boolean success,
    Map<String, Object> info,
    Map<String, RgbImage> frames) {
  public StepRecord {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(action, "action");
    info = Map.copyOf(info);
    frames = Map.copyOf(frames);
  }

  public boolean done() {
    return terminated || truncated;
  }
}
