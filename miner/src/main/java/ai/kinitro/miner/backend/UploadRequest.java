package ai.kinitro.miner.backend;

import static java.nio.charset.StandardCharsets.UTF_8;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /submissions/request-upload}: {@code {"competition_id", "version",
 * "artifact_sha256", "artifact_size_bytes"}}. The same rules as the backend apply, so a bad value
 * is caught before anything is signed.
 */
public record UploadRequest(String competitionId, String version, String artifactSha256, long artifactSizeBytes) {
  /** 1-32 characters from {@code [A-Za-z0-9._-]}. */
  public static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  private static final Pattern COMPETITION = Pattern.compile("[1-9][0-9]{0,18}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public UploadRequest {
    if (competitionId == null || !COMPETITION.matcher(competitionId).matches()) {
      throw invalid("the competition id must be a positive decimal id, got '" + competitionId + "'");
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw invalid("the version must be 1 to 32 characters from [A-Za-z0-9._-], got '" + version + "'");
    }
    if (artifactSha256 == null || !SHA256.matcher(artifactSha256).matches()) {
      throw invalid("the SHA-256 must be 64 lower-case hex digits");
    }
    if (artifactSizeBytes <= 0) {
      throw invalid("the archive size must be positive");
    }
  }

  /** The exact bytes sent (and signed). */
  public byte[] body() {
    return ("{\"competition_id\":\"" + competitionId + "\",\"version\":\"" + version + "\",\"artifact_sha256\":\""
        + artifactSha256 + "\",\"artifact_size_bytes\":" + artifactSizeBytes + "}").getBytes(UTF_8);
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
