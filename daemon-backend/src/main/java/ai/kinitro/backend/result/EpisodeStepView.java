package ai.kinitro.backend.result;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A logged step in REST answers. */
public record EpisodeStepView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long episodeId,
    int step,
    JsonNode action,
    double reward,
    boolean done,
    boolean truncated,
    JsonNode observationRefs,
    JsonNode info,
    Instant timestamp) {
  static EpisodeStepView of(EpisodeStep s) {
    return new EpisodeStepView(s.episodeId(), s.step(), s.action().tree(), s.reward(), s.done(), s.truncated(), s.observationRefs().tree(),
        s.info().tree(), s.stepTimestamp());
  }
}
