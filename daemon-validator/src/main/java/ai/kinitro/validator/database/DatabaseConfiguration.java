package ai.kinitro.validator.database;

import ai.kinitro.queue.QueueSchema;
import ai.kinitro.validator.config.DatabaseProperties;
import ai.kinitro.validator.config.NodeProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data source, migrated before anyone uses it. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
  /** The validator's own Flyway history (the queue keeps its own). */
  static final String HISTORY_TABLE = "validator_schema_history";
  static final String LOCATION = "classpath:db/validator";

  @Bean(destroyMethod = "close")
  EmbeddedDatabaseHolder embeddedDatabase(DatabaseProperties settings, NodeProperties node) {
    return settings.embedded()
        ? new EmbeddedDatabaseHolder(EmbeddedDatabase.start(node.stateDir().resolve("validator-postgres"), settings.embeddedPort()))
        : new EmbeddedDatabaseHolder(null);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties settings, EmbeddedDatabaseHolder embedded) {
    HikariConfig config = new HikariConfig();
    if (settings.embedded()) {
      config.setJdbcUrl(embedded.database().jdbcUrl());
      config.setUsername("postgres");
    } else {
      config.setJdbcUrl(settings.url());
      config.setUsername(settings.username());
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(settings.poolSize());
    config.setPoolName("validator-db");
    config.setInitializationFailTimeout(-1);
    HikariDataSource dataSource = new HikariDataSource(config);
    migrate(dataSource);
    return dataSource;
  }

  static void migrate(DataSource dataSource) {
    QueueSchema.migrate(dataSource);
    Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Holds the embedded server (or nothing) so Spring stops it after the pool is closed. */
  record EmbeddedDatabaseHolder(EmbeddedDatabase database) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (database != null) {
        database.close();
      }
    }
  }
}
