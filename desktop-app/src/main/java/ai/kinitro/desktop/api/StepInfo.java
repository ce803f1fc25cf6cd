package ai.kinitro.desktop.api;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A logged step of an episode ({@code GET /episodes/{id}/steps}). Frames are stored images of the
 * step; a frame can be shown only when the backend gave it a URL.
 */
public record StepInfo(int step, JsonNode action, double reward, boolean done, boolean truncated,
    List<Frame> observationRefs, JsonNode info) {
  public StepInfo {
    action = action == null ? JsonNodeFactory.instance.nullNode() : action;
    observationRefs = Nulls.list(observationRefs);
    info = info == null ? JsonNodeFactory.instance.objectNode() : info;
  }

  /** Where one camera's image of this step is stored, and its URL when the backend exposes one. */
  public record Frame(String camera, String bucket, String key, Optional<String> url) {
    public Frame {
      camera = Nulls.text(camera);
      bucket = Nulls.text(bucket);
      key = Nulls.text(key);
      url = Nulls.opt(url);
    }
  }

  /** True when at least one frame of this step can be loaded. */
  public boolean hasFrames() {
    return observationRefs.stream().anyMatch(f -> f.url().isPresent());
  }
}
