package ai.kinitro.backend.upload;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /submissions/uploads/{submission_id}/renew}: the archive the miner is
 * still uploading, which must be the one the pending upload was granted for.
 *
 * @param artifactSha256 SHA-256 of the archive, 64 lower-case hex digits
 * @param artifactSizeBytes exact archive size, positive
 */
public record UploadRenewal(String artifactSha256, long artifactSizeBytes) {
  public UploadRenewal {
    ArtifactFields.check(artifactSha256, artifactSizeBytes);
  }

  /** Parses the JSON body; anything malformed is {@link ai.kinitro.common.error.ErrorCode#INVALID_ARGUMENT} naming the field. */
  public static UploadRenewal parse(byte[] body) {
    JsonNode root = ArtifactFields.object(body, "a JSON object {\"artifact_sha256\", \"artifact_size_bytes\"}");
    return new UploadRenewal(ArtifactFields.text(root, "artifact_sha256"), ArtifactFields.size(root));
  }
}
