package ai.kinitro.backend.result;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A logged step in REST answers. Its {@code observation_refs} are the stored ones, with a URL where
 * the backend can give one ({@link FrameUrls}).
 */
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
  static EpisodeStepView of(EpisodeStep s, FrameUrls frames) {
    return new EpisodeStepView(s.episodeId(), s.step(), s.action().tree(), s.reward(), s.done(), s.truncated(),
        frames.withUrls(s.observationRefs().tree()), s.info().tree(), s.stepTimestamp());
  }
}
