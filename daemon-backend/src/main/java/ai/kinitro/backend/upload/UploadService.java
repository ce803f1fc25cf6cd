package ai.kinitro.backend.upload;

import ai.kinitro.backend.chain.SubnetMembership;
import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.vault.PresignedUrl;
import ai.kinitro.backend.vault.VaultService;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.SubmissionCommitment;
import ai.kinitro.common.signing.RequestVerifier;
import ai.kinitro.common.signing.SignatureHeaders;
import ai.kinitro.common.signing.VerifiedRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grants upload requests. Checks, in order: the body's fields ({@code INVALID_ARGUMENT}); the
 * signed request (domain {@value UploadConfig#SIGNING_DOMAIN}, timestamp window, signature,
 * single-use nonce in PostgreSQL); the hotkey is registered on the subnet; the competition exists,
 * is active and open; the size limit; the version is free; the upload-rate window (uploads that
 * expired do not count). Then it records a PENDING upload and presigns a PUT bound to the declared
 * SHA-256 and size.
 */
public class UploadService {
  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");

  private final RequestVerifier verifier;
  private final RequestVerifier renewalVerifier;
  private final SubnetMembership membership;
  private final VaultService vault;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final UploadConfig config;
  private final Clock clock;

  private record Limits(boolean active, Long maxSize, Long windowSeconds, Integer perWindow, long holdoutSeconds,
      Instant startTime, Instant endTime) {}

  public UploadService(RequestVerifier verifier, RequestVerifier renewalVerifier, SubnetMembership membership, VaultService vault, JdbcTemplate jdbc,
      TransactionTemplate tx, IdGenerator ids, UploadConfig config, Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.renewalVerifier = Objects.requireNonNull(renewalVerifier, "renewalVerifier");
    if (!UploadConfig.RENEWAL_SIGNING_DOMAIN.equals(renewalVerifier.expectedDomain())
        || renewalVerifier.expectedDomain().equals(verifier.expectedDomain())) {
      throw new IllegalArgumentException("the renewal verifier must expect " + UploadConfig.RENEWAL_SIGNING_DOMAIN);
    }
    this.membership = Objects.requireNonNull(membership, "membership");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.tx = Objects.requireNonNull(tx, "tx");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public UploadTicket requestUpload(String method, String path, byte[] body, SignatureHeaders.Lookup headers) {
    UploadRequest request = UploadRequest.parse(body);
    VerifiedRequest verified = verifier.verify(method, path, body, headers);
    String hotkey = verified.hotkey();
    requireRegistered(hotkey);
    return tx.execute(status -> grant(hotkey, request));
  }

  /**
   * Presigns a fresh PUT for the caller's own PENDING upload {@code submissionId}, for the same
   * archive (SHA-256 and size), when the first URL expired before the archive arrived. Checks, in
   * order: the id and body ({@code INVALID_ARGUMENT}); the signed request (domain {@value
   * UploadConfig#RENEWAL_SIGNING_DOMAIN}, single-use nonce); the hotkey is registered; the upload
   * exists ({@code UPLOAD_NOT_FOUND}), was requested by this hotkey ({@code UPLOAD_NOT_OWNED}), is
   * still PENDING ({@code UPLOAD_NOT_PENDING}) and has not expired ({@code UPLOAD_EXPIRED}); the
   * archive is the declared one ({@code UPLOAD_RENEWAL_MISMATCH}). The upload keeps its id, version,
   * object key and expiry; the new URL never outlives the upload; no upload-rate slot is used.
   */
  public UploadTicket renewUpload(String submissionId, String method, String path, byte[] body,
      SignatureHeaders.Lookup headers) {
    if (submissionId == null || !ID.matcher(submissionId).matches()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "the submission id must be a positive decimal id, got '"
          + submissionId + "'");
    }
    UploadRenewal renewal = UploadRenewal.parse(body);
    VerifiedRequest verified = renewalVerifier.verify(method, path, body, headers);
    String hotkey = verified.hotkey();
    requireRegistered(hotkey);
    return tx.execute(status -> renew(hotkey, Long.parseLong(submissionId), renewal));
  }

  private record Pending(long id, String hotkey, long competitionId, String version, String key, String sha256, long size,
      String status, Instant expiresAt, int renewals) {}

  private UploadTicket renew(String hotkey, long id, UploadRenewal renewal) {
    Instant now = clock.instant();
    List<Pending> rows = jdbc.query("""
        SELECT id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256, artifact_size_bytes,
               status, expires_at, renewal_count
        FROM submission_uploads WHERE id = ? FOR UPDATE""",
        (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getString(6).trim(), rs.getLong(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getInt(10)),
        id);
    if (rows.isEmpty()) {
      throw new KinitroException(ErrorCode.UPLOAD_NOT_FOUND, "no upload has submission id " + id
          + "; request a new upload with POST /submissions/request-upload");
    }
    Pending upload = rows.getFirst();
    if (!upload.hotkey().equals(hotkey)) {
      LOG.warn("{}: {} asked to renew upload {} of another hotkey", ErrorCode.UPLOAD_NOT_OWNED, hotkey, id);
      throw new KinitroException(ErrorCode.UPLOAD_NOT_OWNED, "upload " + id + " was requested by another hotkey; "
          + "only the hotkey that requested an upload can renew its URL");
    }
    if (upload.status().equals("EXPIRED") || (upload.status().equals("PENDING") && !upload.expiresAt().isAfter(now))) {
      throw new KinitroException(ErrorCode.UPLOAD_EXPIRED, "upload " + id + " expired at " + upload.expiresAt()
          + " without a commitment on chain; request a new upload with POST /submissions/request-upload");
    }
    if (!upload.status().equals("PENDING")) {
      throw new KinitroException(ErrorCode.UPLOAD_NOT_PENDING, "upload " + id + " is " + upload.status()
          + (upload.status().equals("REJECTED") ? " (its stored archive did not match the declared one)"
              : " (its archive is already stored and committed)") + "; there is no URL to renew");
    }
    if (!upload.sha256().equals(renewal.artifactSha256()) || upload.size() != renewal.artifactSizeBytes()) {
      throw new KinitroException(ErrorCode.UPLOAD_RENEWAL_MISMATCH, "upload " + id + " was granted for an archive of "
          + upload.size() + " bytes with SHA-256 " + upload.sha256() + ", not " + renewal.artifactSizeBytes()
          + " bytes with SHA-256 " + renewal.artifactSha256() + "; a changed archive needs a new upload request");
    }
    Duration urlTtl = vault.config().uploadUrlTtl();
    Duration left = Duration.between(now, upload.expiresAt());
    PresignedUrl put = vault.presignUpload(upload.key(), upload.sha256(), upload.size(),
        left.compareTo(urlTtl) < 0 ? left : urlTtl);
    jdbc.update("UPDATE submission_uploads SET renewal_count = renewal_count + 1, last_renewed_at = ?, updated_at = ? "
        + "WHERE id = ?", Timestamp.from(now), Timestamp.from(now), id);
    LOG.info("upload {} of {} (competition {}, version '{}') renewed (renewal {}): new URL until {}, upload until {}",
        id, hotkey, upload.competitionId(), upload.version(), upload.renewals() + 1, put.expiresAt(), upload.expiresAt());
    return new UploadTicket(Long.toString(id), put.url(), put.method(), put.headers(), put.expiresAt(),
        upload.expiresAt(), upload.key(), upload.sha256(), upload.size(),
        new SubmissionCommitment(Long.toString(upload.competitionId()), id).text());
  }

  private void requireRegistered(String hotkey) {
    if (config.requireRegistration() && !membership.isRegistered(hotkey)) {
      throw new KinitroException(ErrorCode.HOTKEY_NOT_REGISTERED, "the hotkey " + hotkey
          + " is not registered on the subnet; register it (btcli subnet register) before submitting");
    }
  }

  private UploadTicket grant(String hotkey, UploadRequest request) {
    Instant now = clock.instant();
    List<Limits> rows = jdbc.query("""
        SELECT active, submission_max_size_bytes, submission_upload_window_seconds, submission_uploads_per_window,
               submission_holdout_seconds, start_time, end_time
        FROM competitions WHERE id = ? FOR SHARE""",
        (rs, i) -> new Limits(rs.getBoolean(1), (Long) rs.getObject(2, Long.class), (Long) rs.getObject(3, Long.class),
            (Integer) rs.getObject(4, Integer.class), rs.getLong(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))),
        request.competitionId());
    if (rows.isEmpty()) {
      throw new KinitroException(ErrorCode.COMPETITION_NOT_FOUND, "no competition has id " + request.competitionId()
          + "; list the open ones with GET /competitions?active_only=true");
    }
    Limits limits = rows.getFirst();
    if (!limits.active()) {
      throw new KinitroException(ErrorCode.COMPETITION_INACTIVE, "competition " + request.competitionId() + " is not active");
    }
    if (limits.startTime() != null && now.isBefore(limits.startTime())) {
      throw new KinitroException(ErrorCode.COMPETITION_NOT_ACCEPTING, "competition " + request.competitionId()
          + " opens at " + limits.startTime());
    }
    if (limits.endTime() != null && !now.isBefore(limits.endTime())) {
      throw new KinitroException(ErrorCode.COMPETITION_NOT_ACCEPTING, "competition " + request.competitionId()
          + " closed at " + limits.endTime());
    }
    if (limits.maxSize() != null && request.artifactSizeBytes() > limits.maxSize()) {
      throw new KinitroException(ErrorCode.ARTIFACT_TOO_LARGE, "the archive has " + request.artifactSizeBytes()
          + " bytes; competition " + request.competitionId() + " accepts at most " + limits.maxSize());
    }
    // One request at a time per (hotkey, competition): the version and rate checks stay exact.
    jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> { },
        "upload:" + hotkey + ":" + request.competitionId());
    Integer taken = jdbc.queryForObject("""
        SELECT count(*) FROM (
          SELECT 1 FROM submissions WHERE miner_hotkey = ? AND competition_id = ? AND version = ?
          UNION ALL
          SELECT 1 FROM submission_uploads WHERE miner_hotkey = ? AND competition_id = ? AND version = ?
            AND status IN ('PENDING', 'UPLOADED', 'PROCESSED') AND expires_at > ?) AS t""",
        Integer.class, hotkey, request.competitionId(), request.version(), hotkey, request.competitionId(),
        request.version(), Timestamp.from(now));
    if (taken != null && taken > 0) {
      throw new KinitroException(ErrorCode.VERSION_ALREADY_SUBMITTED, "version '" + request.version()
          + "' is already used by this hotkey in competition " + request.competitionId() + "; choose a new version");
    }
    if (limits.windowSeconds() != null && limits.perWindow() != null) {
      Instant windowStart = now.minusSeconds(limits.windowSeconds());
      List<Instant> recent = jdbc.query("""
          SELECT created_at FROM submission_uploads
          WHERE miner_hotkey = ? AND competition_id = ? AND created_at >= ? AND status <> 'EXPIRED'
          ORDER BY created_at""",
          (rs, i) -> rs.getTimestamp(1).toInstant(), hotkey, request.competitionId(), Timestamp.from(windowStart));
      if (recent.size() >= limits.perWindow()) {
        Instant retryAt = recent.get(recent.size() - limits.perWindow()).plusSeconds(limits.windowSeconds());
        throw new KinitroException(ErrorCode.UPLOAD_RATE_LIMITED, "this hotkey made " + recent.size()
            + " uploads to competition " + request.competitionId() + " in the last " + limits.windowSeconds()
            + " s; at most " + limits.perWindow() + " are allowed; retry after " + retryAt);
      }
    }
    long id = ids.next();
    String key = "submissions/" + id + "/" + request.version() + ".tar.gz";
    Duration urlTtl = vault.config().uploadUrlTtl();
    PresignedUrl put = vault.presignUpload(key, request.artifactSha256(), request.artifactSizeBytes(), urlTtl);
    // PostgreSQL keeps microseconds: answer the instant that is stored (a renewal reads it back).
    Instant uploadExpiresAt = now.plus(config.pendingTtl().compareTo(urlTtl) > 0 ? config.pendingTtl() : urlTtl)
        .truncatedTo(ChronoUnit.MICROS);
    jdbc.update("""
        INSERT INTO submission_uploads (id, miner_hotkey, competition_id, version, artifact_object_key, artifact_sha256,
                                        artifact_size_bytes, status, expires_at, holdout_seconds, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""",
        id, hotkey, request.competitionId(), request.version(), key, request.artifactSha256(), request.artifactSizeBytes(),
        Timestamp.from(uploadExpiresAt), limits.holdoutSeconds(), Timestamp.from(now), Timestamp.from(now));
    return new UploadTicket(Long.toString(id), put.url(), put.method(), put.headers(), put.expiresAt(), uploadExpiresAt,
        key, request.artifactSha256(), request.artifactSizeBytes(),
        new SubmissionCommitment(Long.toString(request.competitionId()), id).text());
  }

  /** Marks PENDING uploads past their expiry as EXPIRED; returns how many. */
  public int expirePending() {
    return jdbc.update("UPDATE submission_uploads SET status = 'EXPIRED', status_detail = 'not committed on chain in time', "
        + "updated_at = now() WHERE status IN ('PENDING', 'UPLOADED') AND expires_at <= ?", Timestamp.from(clock.instant()));
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
