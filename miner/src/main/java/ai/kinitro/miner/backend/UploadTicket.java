package ai.kinitro.miner.backend;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A granted upload ({@code 201} of {@code request-upload}): where and how to PUT the archive, until
 * when, and the text to commit on chain afterwards.
 *
 * @param submissionId the id the commitment names
 * @param uploadUrl the presigned URL
 * @param method the HTTP method ({@code PUT})
 * @param headers headers the signature covers; send them unchanged
 * @param expiresAt when the presigned URL stops working
 * @param uploadExpiresAt when the upload is dropped unless committed on chain, if the backend says
 * @param commitment the on-chain commitment text ({@code k1:<competition>:<submission>})
 */
public record UploadTicket(
    String submissionId,
    URI uploadUrl,
    String method,
    Map<String, String> headers,
    Instant expiresAt,
    Optional<Instant> uploadExpiresAt,
    String commitment) {
  public UploadTicket {
    Objects.requireNonNull(submissionId, "submissionId");
    Objects.requireNonNull(uploadUrl, "uploadUrl");
    Objects.requireNonNull(method, "method");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(uploadExpiresAt, "uploadExpiresAt");
    Objects.requireNonNull(commitment, "commitment");
  }

  /** Shows the URL without its query (the presigned signature). */
  @Override
  public String toString() {
    return "UploadTicket[submission " + submissionId + ", " + method + " " + uploadUrl.getScheme() + "://"
        + uploadUrl.getAuthority() + uploadUrl.getPath() + " until " + expiresAt + "]";
  }
}
