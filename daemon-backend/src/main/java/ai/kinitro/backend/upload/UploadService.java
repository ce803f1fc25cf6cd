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
import java.util.List;
import java.util.Objects;
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
  private final RequestVerifier verifier;
  private final SubnetMembership membership;
  private final VaultService vault;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final UploadConfig config;
  private final Clock clock;

  private record Limits(boolean active, Long maxSize, Long windowSeconds, Integer perWindow, long holdoutSeconds,
      Instant startTime, Instant endTime) {}

  public UploadService(RequestVerifier verifier, SubnetMembership membership, VaultService vault, JdbcTemplate jdbc,
      TransactionTemplate tx, IdGenerator ids, UploadConfig config, Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
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
    if (config.requireRegistration() && !membership.isRegistered(hotkey)) {
      throw new KinitroException(ErrorCode.HOTKEY_NOT_REGISTERED, "the hotkey " + hotkey
          + " is not registered on the subnet; register it (btcli subnet register) before submitting");
    }
    return tx.execute(status -> grant(hotkey, request));
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
    Instant uploadExpiresAt = now.plus(config.pendingTtl().compareTo(urlTtl) > 0 ? config.pendingTtl() : urlTtl);
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
