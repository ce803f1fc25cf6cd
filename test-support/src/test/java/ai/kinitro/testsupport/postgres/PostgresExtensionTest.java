package ai.kinitro.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@WithPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresExtensionTest {

  @Test
  @Order(1)
  void givesTheClassAnEmptyDatabaseOfItsOwn(TestDatabase db) throws SQLException {
    assertThat(scalar(db.dataSource(), "select current_database()")).isEqualTo(db.name());
    assertThat(scalar(db.dataSource(), "select count(*) from information_schema.tables where table_schema = 'public'"))
        .isEqualTo("0");
  }

  @Test
  @Order(2)
  void keepsTheSameDatabaseForEveryTestOfTheClass(DataSource ds) throws SQLException {
    execute(ds, "create table marker(id int)");
    execute(ds, "insert into marker values (42)");
    assertThat(scalar(ds, "select id from marker")).isEqualTo("42");
  }

  @Test
  @Order(3)
  void seesWhatAnEarlierTestOfTheSameClassWrote(DataSource ds) throws SQLException {
    assertThat(scalar(ds, "select id from marker")).isEqualTo("42");
  }

  @Test
  void urlsPointAtTheTestDatabase() {
    assertThat(TestPostgres.replaceDatabase("jdbc:postgresql://localhost:5432/postgres?user=x", "t1_a"))
        .isEqualTo("jdbc:postgresql://localhost:5432/t1_a?user=x");
    assertThat(TestPostgres.sanitize("My-Test$Class")).isEqualTo("my_test_class");
  }

  @Nested
  @WithPostgres
  class AnotherClass {
    @Test
    void getsADifferentFreshDatabase(TestDatabase db) throws SQLException {
      assertThat(db.name()).contains("anotherclass");
      assertThat(scalar(db.dataSource(), "select count(*) from information_schema.tables where table_name = 'marker'"))
          .isEqualTo("0");
    }
  }

  private static String scalar(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
