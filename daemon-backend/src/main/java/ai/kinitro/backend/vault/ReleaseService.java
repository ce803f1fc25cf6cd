package ai.kinitro.backend.vault;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes each submission's archive after its hold-out: a presigned GET stored as the release
 * URL, renewed before it expires ({@link #pollOnce()}). Before the release nothing but assigned
 * validators' short-lived GETs can read an archive.
 */
public class ReleaseService {
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseService.class);
  private static final int BATCH = 500;

  private record Due(long id, String key) {}

  private final VaultService vault;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ReleaseService(VaultService vault, JdbcTemplate jdbc, Clock clock) {
    this.vault = Objects.requireNonNull(vault, "vault");
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Releases due submissions and renews URLs about to expire; returns how many URLs it wrote. */
  public int pollOnce() {
    Instant now = clock.instant();
    VaultConfig config = vault.config();
    List<Due> due = jdbc.query("""
        SELECT id, artifact_object_key FROM submissions
        WHERE (released_at IS NULL AND holdout_release_at <= ?) OR (release_url_expires_at IS NOT NULL AND release_url_expires_at <= ?)
        ORDER BY holdout_release_at LIMIT ?""",
        (rs, i) -> new Due(rs.getLong(1), rs.getString(2)),
        Timestamp.from(now), Timestamp.from(now.plus(config.releaseRenewBefore())), BATCH);
    int written = 0;
    for (Due d : due) {
      PresignedUrl url = vault.presignDownload(d.key(), config.releaseUrlTtl());
      written += jdbc.update("""
          UPDATE submissions SET released_at = coalesce(released_at, ?), release_url = ?, release_url_expires_at = ?,
                 updated_at = now() WHERE id = ?""",
          Timestamp.from(now), url.url().toString(), Timestamp.from(url.expiresAt()), d.id());
    }
    if (written > 0) {
      LOG.info("Published or renewed {} release URLs", written);
    }
    return written;
  }
}
