package ai.kinitro.miner.upload;

import java.util.Objects;

/**
 * A stored archive: the submission id and version the backend recorded, the commitment to write
 * on chain next, the archive's hash and size, and how many PUTs and new URLs (renewals
 * or replacement uploads) it took.
 */
public record UploadResult(
    String submissionId,
    String competitionId,
    String version,
    String commitment,
    String sha256,
    long sizeBytes,
    int putAttempts,
    int renewals) {
  public UploadResult {
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(competitionId, "competitionId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(sha256, "sha256");
  }
}
