package ai.kinitro.common.protocol;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One logged environment step.
 *
 * @param step step number inside the episode, from 0
 * @param action the action the agent returned, as JSON (provider-specific shape)
 * @param reward the step reward
 * @param done the episode terminated at this step
 * @param truncated the episode was cut at this step (step limit)
 * @param observationRefs stored camera images of this step, at most one per camera
 * @param info environment info, a JSON object (empty when absent)
 * @param timestamp when the step was taken
 */
public record StepRecord(
    int step,
    JsonNode action,
    double reward,
    boolean done,
    boolean truncated,
    List<ObservationRef> observationRefs,
    JsonNode info,
    Instant timestamp) {
  public StepRecord {
    Fields.atLeast(step, 0, "step");
    action = Fields.json(action, "action");
    Fields.finite(reward, "reward");
    observationRefs = Fields.listOrEmpty(observationRefs, "observation_refs");
    Fields.unique(observationRefs, ObservationRef::camera, "observation_refs");
    info = Fields.jsonObjectOrEmpty(info, "info");
    Fields.required(timestamp, "timestamp");
  }
}
