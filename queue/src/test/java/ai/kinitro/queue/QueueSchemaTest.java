package ai.kinitro.queue;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.testsupport.postgres.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

@WithPostgres
class QueueSchemaTest {
  @Test
  void migratesOnceAndCoexistsWithTheDaemonsOwnFlywayHistory(DataSource dataSource) throws SQLException {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/other-daemon").load().migrate();

    assertThat(QueueSchema.migrate(dataSource)).isEqualTo(1);
    assertThat(QueueSchema.migrate(dataSource)).isZero();

    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("""
            SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables
            WHERE table_schema = 'public'""")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("daemon_thing,flyway_schema_history,kinitro_queue_schema_history,kq_job,kq_outbox");
    }
  }
}
