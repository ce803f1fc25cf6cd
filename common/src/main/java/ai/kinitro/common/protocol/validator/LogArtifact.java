package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a job's log bundle was stored. The backend can hand out a download only through
 * {@code public_url}, or by signing a GET itself when {@code bucket} is the backend's own vault
 * bucket; anything else is shown as metadata.
 *
 * @param bucket the object store bucket
 * @param objectKey the key inside the bucket
 * @param uploadedAt when the bundle was stored
 * @param publicUrl an http(s) URL anyone may read: under a public base URL, or presigned by the evaluator
 */
public record LogArtifact(String bucket, String objectKey, Instant uploadedAt, Optional<URI> publicUrl) {
  public LogArtifact {
    Fields.text(bucket, "logs.artifact.bucket", Fields.MAX_ID_LENGTH);
    Fields.text(objectKey, "logs.artifact.object_key", 1024);
    Fields.required(uploadedAt, "logs.artifact.uploaded_at");
    publicUrl = Fields.optional(publicUrl);
    publicUrl.ifPresent(u -> {
      if (!u.isAbsolute() || !("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw Fields.invalid("logs.artifact.public_url", "must be an absolute http(s) URL");
      }
    });
  }
}
