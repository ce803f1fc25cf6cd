package ai.kinitro.miner.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.miner.upload.UploadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code <agent>/.kinitro/last-upload.json}: what the last upload returned, so {@code commit} and
 * {@code status} need no arguments right after it. Holds no secret.
 */
record LastUpload(String submissionId, String competitionId, String version, String commitment) {
  static final String FILE = ".kinitro/last-upload.json";

  static void write(Path agentDir, UploadResult r) {
    ObjectNode j = Output.JSON.createObjectNode();
    j.put("submission_id", r.submissionId());
    j.put("competition_id", r.competitionId());
    j.put("version", r.version());
    j.put("commitment", r.commitment());
    j.put("sha256", r.sha256());
    j.put("size_bytes", r.sizeBytes());
    Path file = agentDir.resolve(FILE);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Output.JSON.writeValueAsString(j) + "\n");
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.MINER_OUTPUT_FAILED, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static Optional<LastUpload> read(Path agentDir) {
    Path file = agentDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode j = Output.JSON.readTree(Files.readString(file));
      return Optional.of(new LastUpload(j.path("submission_id").asString(), j.path("competition_id").asString(),
          j.path("version").asString(), j.path("commitment").asString()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
