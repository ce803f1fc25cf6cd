package ai.kinitro.validator.database;

import javax.sql.DataSource;

/** Applies the validator's migrations (queue and own) to a test database. */
public final class TestMigrations {
  private TestMigrations() {}

  public static void migrate(DataSource dataSource) {
    DatabaseConfiguration.migrate(dataSource);
  }
}
