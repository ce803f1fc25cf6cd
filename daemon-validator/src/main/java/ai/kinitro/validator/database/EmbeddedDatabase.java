package ai.kinitro.validator.database;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded PostgreSQL server, its data kept across restarts in one directory. */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres server;

  private EmbeddedDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  static EmbeddedDatabase start(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory.getParent());
      long started = System.nanoTime();
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres server = builder
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .start();
      LOG.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", server.getPort(), dataDirectory,
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedDatabase(server);
    } catch (IOException | RuntimeException e) {
      throw new KinitroException(ErrorCode.QUEUE_DATABASE_ERROR,
          "could not start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage()
              + "; check that kinitro.state-dir is writable, or set kinitro.validator.database.url", e);
    }
  }

  String jdbcUrl() {
    return server.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
