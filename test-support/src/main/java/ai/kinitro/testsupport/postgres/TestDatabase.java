package ai.kinitro.testsupport.postgres;

import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** One database of the test server, owned by one test class. */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {
  public TestDatabase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** A non-pooled data source; pool it yourself when a test needs many connections. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  @Override
  public String toString() {
    return "TestDatabase[" + name + " at " + jdbcUrl + "]";
  }
}
