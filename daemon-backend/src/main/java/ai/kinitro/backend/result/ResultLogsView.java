package ai.kinitro.backend.result;

import ai.kinitro.backend.job.AssignmentStatus;
import ai.kinitro.backend.job.FailureClass;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;

/**
 * The logs of one result, as the log routes answer them.
 *
 * @param resultId the result the logs belong to
 * @param jobId its job
 * @param summary the result's outcome
 * @param download where the log artifact can be fetched: its public URL, or a URL the backend
 *     signed for its own vault bucket; absent when there is no artifact or nobody can sign for it
 * @param artifactMetadata the log artifact the validator reported, if any
 * @param inlineLogs the inline log the evaluator sent (failure reason, then the agent's last output)
 * @param inlineLogsTruncated true when the evaluator left older output out of {@code inline_logs}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultLogsView(
    @JsonFormat(shape = JsonFormat.Shape.STRING) long resultId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) long jobId,
    Summary summary,
    Download download,
    ArtifactMetadata artifactMetadata,
    String inlineLogs,
    boolean inlineLogsTruncated) {

  /** What the result says, without the per-task breakdown (see {@code GET /results/{id}}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(
      @JsonFormat(shape = JsonFormat.Shape.STRING) long submissionId,
      String validatorHotkey,
      String benchmarkName,
      AssignmentStatus status,
      FailureClass failureClass,
      Double score,
      Double successRate,
      Double avgReward,
      Integer totalEpisodes,
      Integer errorCode,
      String errorName,
      String errorMessage,
      Instant resultTime) {
    static Summary of(Result r) {
      return new Summary(r.submissionId(), r.validatorHotkey(), r.benchmarkName(), r.status(), r.failureClass(), r.score(),
          r.successRate(), r.avgReward(), r.totalEpisodes(), r.errorCode(), r.errorName(), r.errorMessage(), r.resultTime());
    }
  }

  /** A URL to fetch the log artifact; {@code expires_at} is absent for a public URL. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Download(URI url, Instant expiresAt) {}

  /** Where the validator stored the log artifact. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ArtifactMetadata(String bucket, String objectKey, Instant uploadedAt, URI publicUrl) {}
}
