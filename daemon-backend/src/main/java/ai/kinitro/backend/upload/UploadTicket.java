package ai.kinitro.backend.upload;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * The answer to a granted upload request: where and how to PUT the archive, and what to commit on
 * chain afterwards.
 */
public record UploadTicket(
    @JsonProperty("submission_id") String submissionId,
    @JsonProperty("upload_url") URI uploadUrl,
    @JsonProperty("method") String method,
    @JsonProperty("headers") Map<String, String> headers,
    @JsonProperty("expires_at") Instant expiresAt,
    @JsonProperty("upload_expires_at") Instant uploadExpiresAt,
    @JsonProperty("object_key") String objectKey,
    @JsonProperty("artifact_sha256") String artifactSha256,
    @JsonProperty("artifact_size_bytes") long artifactSizeBytes,
    @JsonProperty("commitment") String commitment) {
  public UploadTicket {
    headers = Map.copyOf(headers);
  }
}
