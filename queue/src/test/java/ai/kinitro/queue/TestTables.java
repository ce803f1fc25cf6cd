package ai.kinitro.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Empties the queue's tables so each test starts clean (the reaper and purge act on all queues). */
public final class TestTables {
  private TestTables() {}

  public static void truncate(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE kq_job, kq_outbox");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
