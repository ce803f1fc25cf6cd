package ai.kinitro.miner.backend;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * A competition as {@code GET /competitions/{id}} returns it: the fields the miner needs, and the
 * whole document (its {@code benchmarks} feed local evaluation).
 *
 * @param id the competition id (decimal)
 * @param name its name
 * @param active whether it accepts submissions
 * @param maxSizeBytes the largest archive it accepts, when limited
 * @param uploadWindowSeconds length of the upload-rate window, when limited
 * @param uploadsPerWindow uploads per hotkey in that window, when limited
 * @param json the whole answer
 */
public record Competition(
    String id,
    String name,
    boolean active,
    OptionalLong maxSizeBytes,
    OptionalLong uploadWindowSeconds,
    OptionalInt uploadsPerWindow,
    JsonNode json) {
  public Competition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(maxSizeBytes, "maxSizeBytes");
    Objects.requireNonNull(uploadWindowSeconds, "uploadWindowSeconds");
    Objects.requireNonNull(uploadsPerWindow, "uploadsPerWindow");
    Objects.requireNonNull(json, "json");
  }

  static Competition of(JsonNode n) {
    JsonNode max = n.path("submission_max_size_bytes");
    JsonNode window = n.path("submission_upload_window_seconds");
    JsonNode per = n.path("submission_uploads_per_window");
    return new Competition(n.path("id").asString(""), n.path("name").asString(""), n.path("active").asBoolean(true),
        max.isIntegralNumber() ? OptionalLong.of(max.asLong()) : OptionalLong.empty(),
        window.isIntegralNumber() ? OptionalLong.of(window.asLong()) : OptionalLong.empty(),
        per.isIntegralNumber() ? OptionalInt.of(per.asInt()) : OptionalInt.empty(), n);
  }
}
