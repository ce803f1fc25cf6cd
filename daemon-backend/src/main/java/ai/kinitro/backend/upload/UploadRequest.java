package ai.kinitro.backend.upload;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /submissions/request-upload}.
 *
 * @param competitionId the competition (decimal id)
 * @param version the miner's version label: 1-32 characters from {@code [A-Za-z0-9._-]}
 * @param artifactSha256 SHA-256 of the archive, 64 lower-case hex digits
 * @param artifactSizeBytes exact archive size, positive
 */
public record UploadRequest(long competitionId, String version, String artifactSha256, long artifactSizeBytes) {
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public UploadRequest {
    if (competitionId <= 0) {
      throw invalid("competition_id must be a positive id");
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw invalid("version must be 1 to 32 characters from [A-Za-z0-9._-]");
    }
    if (artifactSha256 == null || !SHA256.matcher(artifactSha256).matches()) {
      throw invalid("artifact_sha256 must be 64 lower-case hex digits (the SHA-256 of the archive)");
    }
    if (artifactSizeBytes <= 0) {
      throw invalid("artifact_size_bytes must be positive");
    }
  }

  /** Parses the JSON body; anything malformed is {@link ErrorCode#INVALID_ARGUMENT} naming the field. */
  public static UploadRequest parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw invalid("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("the body must be a JSON object");
    }
    JsonNode competition = root.path("competition_id");
    long competitionId;
    if (competition.isIntegralNumber() && competition.canConvertToLong()) {
      competitionId = competition.asLong();
    } else if (competition.isString() && competition.asString().matches("[1-9][0-9]{0,18}")) {
      competitionId = Long.parseLong(competition.asString());
    } else {
      throw invalid("competition_id is required (a decimal id)");
    }
    JsonNode size = root.path("artifact_size_bytes");
    if (!size.isIntegralNumber() || !size.canConvertToLong()) {
      throw invalid("artifact_size_bytes is required (an integer)");
    }
    return new UploadRequest(competitionId, text(root, "version"), text(root, "artifact_sha256"), size.asLong());
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.path(field);
    if (!node.isString()) {
      throw invalid(field + " is required (a string)");
    }
    return node.asString();
  }

  private static KinitroException invalid(String message) {
    return new KinitroException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
