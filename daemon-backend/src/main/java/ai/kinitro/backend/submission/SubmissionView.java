package ai.kinitro.backend.submission;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A submission in REST answers. Artifact location and release URL appear only once the hold-out
 * is over and the artifact was released.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
    String minerHotkey,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long competitionId,
    String version,
    Long commitmentBlock,
    Instant holdoutReleaseAt,
    Instant releasedAt,
    String artifactSha256,
    Long artifactSizeBytes,
    String releaseUrl,
    Instant releaseUrlExpiresAt,
    Instant createdAt,
    EvaluationSummary evaluation) {
  static SubmissionView of(Submission s, EvaluationSummary evaluation) {
    boolean released = s.releasedAt() != null;
    return new SubmissionView(s.id(), s.minerHotkey(), s.competitionId(), s.version(), s.commitmentBlock(), s.holdoutReleaseAt(),
        s.releasedAt(), released ? s.artifactSha256() : null, released ? s.artifactSizeBytes() : null,
        released ? s.releaseUrl() : null, released ? s.releaseUrlExpiresAt() : null, s.createdAt(), evaluation);
  }
}
