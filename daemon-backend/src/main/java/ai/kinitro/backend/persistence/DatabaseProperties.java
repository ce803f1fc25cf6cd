package ai.kinitro.backend.persistence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kinitro.database.*}. With {@code url} set the backend uses that PostgreSQL server
 * (production). Without it, and without {@code spring.datasource.url}, it starts an embedded
 * PostgreSQL whose data lives in {@code <kinitro.state-dir>/postgres}, so a fresh machine needs no
 * set-up.
 *
 * @param url JDBC URL, e.g. {@code jdbc:postgresql://db.internal:5432/kinitro}; empty = embedded
 * @param user database user (default {@value #DEFAULT_USER})
 * @param password database password (default empty)
 * @param poolSize maximum pooled connections (default {@value #DEFAULT_POOL_SIZE})
 * @param embeddedPort port of the embedded server; 0 picks a free one (default {@value #DEFAULT_EMBEDDED_PORT})
 */
@Validated
@ConfigurationProperties("kinitro.database")
public record DatabaseProperties(
    String url,
    @DefaultValue(DEFAULT_USER) String user,
    @DefaultValue("") String password,
    @DefaultValue("" + DEFAULT_POOL_SIZE) @Min(1) @Max(500) int poolSize,
    @DefaultValue("" + DEFAULT_EMBEDDED_PORT) @Min(0) @Max(65535) int embeddedPort) {
  public static final String DEFAULT_USER = "postgres";
  public static final int DEFAULT_POOL_SIZE = 20;
  public static final int DEFAULT_EMBEDDED_PORT = 0;

  /** Whether an external database is configured. */
  public boolean external() {
    return url != null && !url.isBlank();
  }

  @Override
  public String toString() {
    return "DatabaseProperties[url=" + url + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "" : "***")
        + ", poolSize=" + poolSize + ", embeddedPort=" + embeddedPort + "]";
  }

  /** Where the embedded server keeps its data under the state directory. */
  public static Path embeddedDataDirectory(Path stateDir) {
    return stateDir.resolve("postgres");
  }
}
