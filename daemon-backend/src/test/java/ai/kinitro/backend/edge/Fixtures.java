package ai.kinitro.backend.edge;

import ai.kinitro.backend.ids.IdGenerator;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows the tests need, written directly (the admin API is another package's concern). */
final class Fixtures {
  static final String BENCHMARKS = """
      [{"name":"cartpole","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":2,
        "episodes_per_task":2,"max_episode_steps":100,"cameras":["default"],"image_size":84}]""";

  private Fixtures() {}

  static long competition(JdbcTemplate jdbc, IdGenerator ids, Long maxSize, Long windowSeconds, Integer perWindow) {
    long id = ids.next();
    jdbc.update("""
        INSERT INTO competitions (id, name, benchmarks, points, submission_holdout_seconds, submission_max_size_bytes,
                                  submission_upload_window_seconds, submission_uploads_per_window)
        VALUES (?, ?, ?::jsonb, 100, 300, ?, ?, ?)""", id, "competition-" + id, BENCHMARKS, maxSize, windowSeconds, perWindow);
    return id;
  }

  static long apiKey(JdbcTemplate jdbc, IdGenerator ids, String secret, String role, String hotkey) {
    long id = ids.next();
    String hash = HexFormat.of().formatHex(ai.kinitro.common.crypto.Hashing.sha256(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    jdbc.update("INSERT INTO api_keys (id, name, key_hash, key_prefix, role, associated_hotkey) VALUES (?, ?, ?, ?, ?, ?)",
        id, "key-" + id, hash, secret.substring(0, 6), role, hotkey);
    return id;
  }
}
