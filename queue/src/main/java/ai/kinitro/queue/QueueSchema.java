package ai.kinitro.queue;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's tables. Migrations live in {@value #LOCATION} and are recorded in their own history
 * table ({@value #HISTORY_TABLE}), so a daemon can keep its other tables under its own Flyway
 * history in the same database and schema.
 */
public final class QueueSchema {
  /** Where the queue's migrations are. */
  public static final String LOCATION = "classpath:db/queue";
  /** The queue's own Flyway history table. */
  public static final String HISTORY_TABLE = "kinitro_queue_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(QueueSchema.class);

  private QueueSchema() {}

  /**
   * Brings the queue's tables up to date. Safe to call from several processes at once (Flyway
   * takes an advisory lock) and on every start.
   *
   * @return the number of migrations applied now
   */
  public static int migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try {
      MigrateResult result = Flyway.configure()
          .dataSource(dataSource)
          .locations(LOCATION)
          .table(HISTORY_TABLE)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("Queue schema migrated to version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
      }
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new KinitroException(ErrorCode.QUEUE_SCHEMA_FAILED,
          "could not migrate the queue schema (" + LOCATION + "): " + e.getMessage()
              + "; check that the database user may create tables", e);
    }
  }
}
