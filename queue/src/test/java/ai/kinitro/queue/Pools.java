package ai.kinitro.queue;

import ai.kinitro.testsupport.postgres.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A small connection pool over a test database (the test data sources do not pool). */
public final class Pools {
  private Pools() {}

  public static HikariDataSource pooled(TestDatabase db, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(size);
    config.setPoolName("test-" + db.name());
    return new HikariDataSource(config);
  }
}
