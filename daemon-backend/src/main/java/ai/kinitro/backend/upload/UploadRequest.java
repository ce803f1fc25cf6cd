package ai.kinitro.backend.upload;

import ai.kinitro.common.error.KinitroException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

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

  public UploadRequest {
    if (competitionId <= 0) {
      throw invalid("competition_id must be a positive id");
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw invalid("version must be 1 to 32 characters from [A-Za-z0-9._-]");
    }
    ArtifactFields.check(artifactSha256, artifactSizeBytes);
  }

  /** Parses the JSON body; anything malformed is {@link ai.kinitro.common.error.ErrorCode#INVALID_ARGUMENT} naming the field. */
  public static UploadRequest parse(byte[] body) {
    JsonNode root = ArtifactFields.object(body, "a JSON object");
    JsonNode competition = root.path("competition_id");
    long competitionId;
    if (competition.isIntegralNumber() && competition.canConvertToLong()) {
      competitionId = competition.asLong();
    } else if (competition.isString() && competition.asString().matches("[1-9][0-9]{0,18}")) {
      competitionId = Long.parseLong(competition.asString());
    } else {
      throw invalid("competition_id is required (a decimal id)");
    }
    return new UploadRequest(competitionId, ArtifactFields.text(root, "version"), ArtifactFields.text(root, "artifact_sha256"),
        ArtifactFields.size(root));
  }

  private static KinitroException invalid(String message) {
    return ArtifactFields.invalid(message);
  }
}
