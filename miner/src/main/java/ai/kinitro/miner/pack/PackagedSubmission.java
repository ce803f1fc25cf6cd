package ai.kinitro.miner.pack;

import java.nio.file.Path;
import java.util.Objects;

/** A built submission archive: where it is, its SHA-256 (lower-case hex), size and file count. */
public record PackagedSubmission(Path archive, String sha256, long sizeBytes, int fileCount) {
  public PackagedSubmission {
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex characters");
    }
  }
}
