package ai.kinitro.backend.submission;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code submissions}: a verified, committed upload with its hold-out and release state. */
@Table("submissions")
public record Submission(
    @Id long id,
    String minerHotkey,
    long competitionId,
    String version,
    Long commitmentBlock,
    String artifactObjectKey,
    String artifactSha256,
    long artifactSizeBytes,
    Instant holdoutReleaseAt,
    Instant releasedAt,
    String releaseUrl,
    Instant releaseUrlExpiresAt,
    Instant createdAt,
    Instant updatedAt) {
  public Submission {
    Objects.requireNonNull(minerHotkey, "minerHotkey");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(artifactObjectKey, "artifactObjectKey");
    Objects.requireNonNull(artifactSha256, "artifactSha256");
    Objects.requireNonNull(holdoutReleaseAt, "holdoutReleaseAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Whether the hold-out is over at {@code now}. */
  public boolean holdoutOverAt(Instant now) {
    return !holdoutReleaseAt.isAfter(now);
  }

  public Submission withRelease(Instant released, String url, Instant urlExpiresAt, Instant at) {
    return new Submission(id, minerHotkey, competitionId, version, commitmentBlock, artifactObjectKey, artifactSha256,
        artifactSizeBytes, holdoutReleaseAt, released, url, urlExpiresAt, createdAt, at);
  }
}
