package ai.kinitro.validator.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The validator's PostgreSQL, shared with the evaluator ({@code kinitro.validator.database.*}).
 *
 * @param url a JDBC URL; unset = an embedded PostgreSQL whose data directory is {@code
 *     <kinitro.state-dir>/validator-postgres}
 * @param username database user (external database)
 * @param password database password (never logged)
 * @param poolSize connections in the pool
 * @param embeddedPort port of the embedded server on 127.0.0.1 (the evaluator connects to it); 0
 *     picks a free port at each start (tests)
 */
@ConfigurationProperties("kinitro.validator.database")
public record DatabaseProperties(String url, String username, String password, Integer poolSize, Integer embeddedPort) {
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final int DEFAULT_EMBEDDED_PORT = 5439;

  public DatabaseProperties {
    url = url == null || url.isBlank() ? null : url.strip();
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      throw Settings.invalid("kinitro.validator.database.url", "must be a jdbc:postgresql: URL");
    }
    poolSize = Settings.atLeast(poolSize, DEFAULT_POOL_SIZE, 2, "kinitro.validator.database.pool-size");
    embeddedPort = Settings.atLeast(embeddedPort, DEFAULT_EMBEDDED_PORT, 0, "kinitro.validator.database.embedded-port");
    if (embeddedPort > 65535) {
      throw Settings.invalid("kinitro.validator.database.embedded-port", "must be at most 65535");
    }
  }

  /** True when no URL is set and the embedded server is used. */
  public boolean embedded() {
    return url == null;
  }

  @Override
  public String toString() {
    return "DatabaseProperties[url=" + (url == null ? "<embedded>" : url) + ", username=" + username
        + ", password=" + (password == null ? "<unset>" : "<redacted>") + ", poolSize=" + poolSize + ", embeddedPort=" + embeddedPort + "]";
  }
}
