package ai.kinitro.backend.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /submissions/revealed}: released submissions with their public download URL. */
@RestController
class RevealedController {
  record Revealed(
      @JsonProperty("id") String id,
      @JsonProperty("miner_hotkey") String minerHotkey,
      @JsonProperty("competition_id") String competitionId,
      @JsonProperty("version") String version,
      @JsonProperty("commitment_block") Long commitmentBlock,
      @JsonProperty("holdout_release_at") Instant holdoutReleaseAt,
      @JsonProperty("released_at") Instant releasedAt,
      @JsonProperty("public_artifact_url") String publicArtifactUrl,
      @JsonProperty("public_artifact_url_expires_at") Instant publicArtifactUrlExpiresAt,
      @JsonProperty("artifact_sha256") String artifactSha256,
      @JsonProperty("artifact_size_bytes") long artifactSizeBytes) {}

  record Page(@JsonProperty("items") List<Revealed> items, @JsonProperty("limit") int limit,
      @JsonProperty("offset") long offset) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  RevealedController(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @GetMapping(path = "/submissions/revealed", produces = "application/json")
  Page revealed(
      @RequestParam(name = "competition_id", required = false) Long competitionId,
      @RequestParam(name = "miner_hotkey", required = false) String minerHotkey,
      @RequestParam(name = "only_active_urls", defaultValue = "false") boolean onlyActiveUrls,
      @RequestParam(name = "limit", defaultValue = "100") int limit,
      @RequestParam(name = "offset", defaultValue = "0") long offset) {
    int size = Math.max(1, Math.min(limit, 1000));
    long skip = Math.max(0, offset);
    List<Revealed> items = jdbc.query("""
        SELECT id, miner_hotkey, competition_id, version, commitment_block, holdout_release_at, released_at, release_url,
               release_url_expires_at, artifact_sha256, artifact_size_bytes
        FROM submissions
        WHERE released_at IS NOT NULL AND (?::bigint IS NULL OR competition_id = ?::bigint)
          AND (?::text IS NULL OR miner_hotkey = ?) AND (NOT ? OR release_url_expires_at > ?)
        ORDER BY released_at DESC, id DESC LIMIT ? OFFSET ?""",
        (rs, i) -> new Revealed(Long.toString(rs.getLong(1)), rs.getString(2), Long.toString(rs.getLong(3)), rs.getString(4),
            (Long) rs.getObject(5, Long.class), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
            rs.getString(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10).strip(),
            rs.getLong(11)),
        competitionId, competitionId, minerHotkey, minerHotkey, onlyActiveUrls, Timestamp.from(clock.instant()), size, skip);
    return new Page(items, size, skip);
  }
}
