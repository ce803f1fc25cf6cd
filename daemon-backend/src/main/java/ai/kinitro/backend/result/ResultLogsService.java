package ai.kinitro.backend.result;

import ai.kinitro.backend.vault.PresignedUrl;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The logs of results. What exists is what the validator reported with the result (stored in
 * {@code results.extra.logs}): a bounded inline log from the evaluator and, optionally, a reference
 * to a log bundle the validator stored. The validator's object store belongs to its operator, so
 * the backend offers a download only through the bundle's public URL, or by signing a GET when the
 * bundle is in the backend's own vault bucket; never for anyone else's bucket.
 */
@Service
public class ResultLogsService {
  private final ResultRepository results;
  private final JdbcTemplate jdbc;
  private final VaultService vault;
  private final ResultLogsProperties properties;

  public ResultLogsService(ResultRepository results, JdbcTemplate jdbc, VaultService vault, ResultLogsProperties properties) {
    this.results = Objects.requireNonNull(results, "results");
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.properties = Objects.requireNonNull(properties, "properties");
  }

  /** The logs of one result. */
  public ResultLogsView ofResult(long resultId) {
    Result result = results.findById(resultId)
        .orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND, "No result with id " + resultId));
    JsonNode logs = result.extra().tree().path("logs");
    if (!logs.isObject()) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "Result " + resultId + " carries no logs: its validator sent none "
          + "(results the backend wrote itself, such as a missed deadline, never have any)");
    }
    return view(result, logs);
  }

  /** The logs of the newest result of a job that has logs (optionally of one validator). */
  public ResultLogsView ofJob(long jobId, Optional<String> validator) {
    if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM jobs WHERE id = ?)", Boolean.class, jobId))) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "No job with id " + jobId);
    }
    return newest("job_id", jobId, validator).orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND,
        "Job " + jobId + " has no result with logs" + validator.map(v -> " from validator " + v).orElse("") + " yet"));
  }

  /** The logs of the newest result of a submission (any of its jobs) that has logs (optionally of one validator). */
  public ResultLogsView ofSubmission(long submissionId, Optional<String> validator) {
    if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM submissions WHERE id = ?)", Boolean.class,
        submissionId))) {
      throw new KinitroException(ErrorCode.NOT_FOUND, "No submission with id " + submissionId);
    }
    return newest("submission_id", submissionId, validator).orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND,
        "Submission " + submissionId + " has no result with logs" + validator.map(v -> " from validator " + v).orElse("") + " yet"));
  }

  private Optional<ResultLogsView> newest(String column, long id, Optional<String> validator) {
    String v = validator.orElse(null);
    List<Long> ids = jdbc.queryForList("SELECT id FROM results WHERE " + column + " = ? AND (?::text IS NULL OR validator_hotkey = ?)"
        + " AND extra -> 'logs' IS NOT NULL ORDER BY result_time DESC, id DESC LIMIT 1", Long.class, id, v, v);
    return ids.stream().findFirst().map(this::ofResult);
  }

  private ResultLogsView view(Result result, JsonNode logs) {
    String text = logs.path("text").isString() ? logs.path("text").asString() : null;
    JsonNode artifact = logs.path("artifact");
    ResultLogsView.ArtifactMetadata metadata = null;
    ResultLogsView.Download download = null;
    if (artifact.isObject()) {
      URI publicUrl = artifact.path("public_url").isString() ? URI.create(artifact.path("public_url").asString()) : null;
      metadata = new ResultLogsView.ArtifactMetadata(artifact.path("bucket").asString(), artifact.path("object_key").asString(),
          Instant.parse(artifact.path("uploaded_at").asString()), publicUrl);
      download = download(result.id(), metadata);
    }
    return new ResultLogsView(result.id(), result.jobId(), ResultLogsView.Summary.of(result), download, metadata, text,
        logs.path("truncated").asBoolean(false));
  }

  /** The public URL; else a GET the backend signs for its own bucket; else nothing (someone else's store). */
  private ResultLogsView.Download download(long resultId, ResultLogsView.ArtifactMetadata artifact) {
    if (artifact.publicUrl() != null) {
      return new ResultLogsView.Download(artifact.publicUrl(), null);
    }
    if (!vault.config().configured()) {
      throw new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE, "The log artifact of result " + resultId
          + " has no public URL and this backend's vault is not configured (kinitro.vault.access-key/secret-key), so no "
          + "download URL can be signed; configure the vault or ask the validator operator for the bundle");
    }
    if (!artifact.bucket().equals(vault.config().bucket())) {
      return null;
    }
    try {
      PresignedUrl url = vault.presignDownload(artifact.objectKey(), properties.logUrlTtl());
      return new ResultLogsView.Download(url.url(), url.expiresAt());
    } catch (KinitroException e) {
      throw new KinitroException(ErrorCode.VAULT_UNAVAILABLE, "Could not sign a download URL for the log artifact of result "
          + resultId + ": " + e.getMessage(), e);
    }
  }
}
