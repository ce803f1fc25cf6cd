package ai.kinitro.common.protocol.validator;

import ai.kinitro.common.protocol.Fields;
import java.net.URI;
import java.time.Instant;

/**
 * The miner's submission archive.
 *
 * @param url presigned HTTPS GET URL
 * @param expiresAt the URL stops working after this instant; the backend sends a fresh
 *     {@code eval_job} (same job, new message id) if a validator needs a new one
 * @param sha256 digest of the archive, 64 lower-case hex digits; the validator must check it
 * @param sizeBytes exact archive size
 */
public record Artifact(URI url, Instant expiresAt, String sha256, long sizeBytes) {
  public Artifact {
    Fields.required(url, "url");
    if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
      throw Fields.invalid("url", "must be an http or https URL");
    }
    Fields.required(expiresAt, "expires_at");
    Fields.sha256Hex(sha256, "sha256");
    Fields.atLeast(sizeBytes, 1, "size_bytes");
  }
}
