package ai.kinitro.backend.submission;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code submission_uploads}; its id becomes the submission id. */
@Table("submission_uploads")
public record SubmissionUpload(
    @Id long id,
    String minerHotkey,
    long competitionId,
    String version,
    String artifactObjectKey,
    String artifactSha256,
    long artifactSizeBytes,
    UploadStatus status,
    String statusDetail,
    Instant expiresAt,
    Instant uploadedAt,
    long holdoutSeconds,
    Instant createdAt,
    Instant updatedAt) {
  public SubmissionUpload {
    Objects.requireNonNull(minerHotkey, "minerHotkey");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(artifactObjectKey, "artifactObjectKey");
    Objects.requireNonNull(artifactSha256, "artifactSha256");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public SubmissionUpload withStatus(UploadStatus value, String detail, Instant at) {
    return new SubmissionUpload(id, minerHotkey, competitionId, version, artifactObjectKey, artifactSha256,
        artifactSizeBytes, value, detail, expiresAt, uploadedAt, holdoutSeconds, createdAt, at);
  }

  public SubmissionUpload withUploadedAt(Instant value, Instant at) {
    return new SubmissionUpload(id, minerHotkey, competitionId, version, artifactObjectKey, artifactSha256,
        artifactSizeBytes, status, statusDetail, expiresAt, value, holdoutSeconds, createdAt, at);
  }
}
