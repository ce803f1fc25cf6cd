package ai.kinitro.evaluator.database;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kinitro.evaluator.database.*}: the validator's database (the same one the validator
 * uses; the queue tables are shared).
 *
 * @param url JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/kinitro_validator}; empty: no
 *     jobs are taken
 * @param username database user
 * @param password its password
 * @param poolSize connections in the pool (workers, heartbeats, reaper, wake-ups, episode logs)
 */
@ConfigurationProperties("kinitro.evaluator.database")
public record DatabaseProperties(String url, String username, String password, Integer poolSize) {
  public static final int DEFAULT_POOL_SIZE = 8;

  public DatabaseProperties {
    url = url == null || url.isBlank() ? null : url;
    poolSize = Objects.requireNonNullElse(poolSize, DEFAULT_POOL_SIZE);
    if (poolSize < 2) {
      throw new IllegalArgumentException("kinitro.evaluator.database.pool-size must be at least 2");
    }
  }

  public boolean configured() {
    return url != null;
  }

  @Override
  public String toString() {
    return "DatabaseProperties[url=" + url + ", username=" + username + ", password=" + (password == null ? "(none)" : "***")
        + ", poolSize=" + poolSize + "]";
  }
}
