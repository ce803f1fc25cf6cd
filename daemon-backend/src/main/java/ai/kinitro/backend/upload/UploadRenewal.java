package ai.kinitro.backend.upload;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /submissions/uploads/{submission_id}/renew}: the archive the miner is
 * still uploading, which must be the one the pending upload was granted for.
 *
 * @param artifactSha256 SHA-256 of the archive, 64 lower-case hex digits
 * @param artifactSizeBytes exact archive size, positive
 */
public record UploadRenewal(String artifactSha256, long artifactSizeBytes) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public UploadRenewal {
    if (artifactSha256 == null || !SHA256.matcher(artifactSha256).matches()) {
      throw invalid("artifact_sha256 must be 64 lower-case hex digits (the SHA-256 of the archive)");
    }
    if (artifactSizeBytes <= 0) {
      throw invalid("artifact_size_bytes must be positive");
    }
  }

  /** Parses the JSON body; anything malformed is {@link ErrorCode#INVALID_ARGUMENT} naming the field. */
  public static UploadRenewal parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw invalid("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("the body must be a JSON object {\"artifact_sha256\", \"artifact_size_bytes\"}");
    }
    JsonNode sha = root.path("artifact_sha256");
    if (!sha.isString()) {
      throw invalid("artifact_sha256 is required (a string)");
    }
    JsonNode size = root.path("artifact_size_bytes");
    if (!size.isIntegralNumber() || !size.canConvertToLong()) {
      throw invalid("artifact_size_bytes is required (an integer)");
    }
    return new UploadRenewal(sha.asString(), size.asLong());
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
