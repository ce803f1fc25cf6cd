package ai.kinitro.backend.persistence;

import ai.kinitro.backend.config.KinitroProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the database: {@code kinitro.database.url} if set; else {@code spring.datasource.url} if
 * set (tests use it); else an embedded PostgreSQL under {@code kinitro.state-dir}, stopped with the
 * application context.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(DataSourceConfiguration.class);

  @Bean
  EmbeddedDatabase embeddedDatabase(DatabaseProperties database, KinitroProperties kinitro, Environment environment) {
    if (database.external() || hasText(environment.getProperty("spring.datasource.url"))) {
      return EmbeddedDatabase.none();
    }
    return EmbeddedDatabase.start(DatabaseProperties.embeddedDataDirectory(kinitro.stateDir()), database.embeddedPort());
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties database, EmbeddedDatabase embedded, Environment environment) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("kinitro-db");
    config.setMaximumPoolSize(database.poolSize());
    if (database.external()) {
      config.setJdbcUrl(database.url());
      config.setUsername(database.user());
      config.setPassword(database.password());
      LOG.info("Using the PostgreSQL database at {}", database.url());
    } else if (hasText(environment.getProperty("spring.datasource.url"))) {
      config.setJdbcUrl(environment.getProperty("spring.datasource.url"));
      config.setUsername(environment.getProperty("spring.datasource.username"));
      config.setPassword(environment.getProperty("spring.datasource.password"));
    } else {
      config.setJdbcUrl(embedded.jdbcUrl());
      config.setUsername("postgres");
      config.setPassword("postgres");
    }
    return new HikariDataSource(config);
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  /** The embedded server when one runs; closed after the pool (declared first, destroyed last). */
  public static final class EmbeddedDatabase implements DisposableBean {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }

    static EmbeddedDatabase none() {
      return new EmbeddedDatabase(null);
    }

    static EmbeddedDatabase start(Path dataDirectory, int port) {
      try {
        Files.createDirectories(dataDirectory);
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory.toAbsolutePath())
            .setCleanDataDirectory(false);
        if (port > 0) {
          builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        LOG.info("Embedded PostgreSQL started on port {} with data in {} ({} ms). Set kinitro.database.url to use your own server.",
            postgres.getPort(), dataDirectory.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedDatabase(postgres);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
            + ". Check that the directory is writable, or set kinitro.database.url", e);
      }
    }

    public boolean running() {
      return postgres != null;
    }

    String jdbcUrl() {
      return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void destroy() throws IOException {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
