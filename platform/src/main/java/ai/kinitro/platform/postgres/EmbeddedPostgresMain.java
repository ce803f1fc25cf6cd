package ai.kinitro.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code EmbeddedPostgresMain --port 5433 --data DIR --database kinitro_backend --database ...}:
 * starts PostgreSQL (initialising {@code DIR} on first use, reusing it afterwards), creates the
 * named databases if absent, and runs until the JVM is asked to stop (SIGTERM, or the parent
 * watchdog), when zonky's shutdown hook stops the server ({@code pg_ctl stop -m fast}).
 *
 * <p>A server left over from a run whose wrapper was killed (its pid still in {@code
 * postmaster.pid}) is asked to shut down first, so the port and the data directory are free.
 */
public final class EmbeddedPostgresMain {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresMain.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private EmbeddedPostgresMain() {}

  /** Parsed arguments. */
  record Options(int port, Path data, List<String> databases) {
    Options {
      databases = List.copyOf(databases);
    }

    static Options parse(String[] args) {
      int port = 0;
      Path data = null;
      List<String> databases = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(require(args[i], value));
          case "--data" -> data = Path.of(require(args[i], value));
          case "--database" -> {
            String name = require(args[i], value);
            if (!DATABASE_NAME.matcher(name).matches()) {
              throw new IllegalArgumentException("Invalid database name: " + name);
            }
            databases.add(name);
          }
          default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
        }
        i++;
      }
      if (port <= 0 || port > 65535 || data == null) {
        throw new IllegalArgumentException("Usage: EmbeddedPostgresMain --port N --data DIR [--database NAME]...");
      }
      return new Options(port, data, databases);
    }

    private static String require(String option, String value) {
      if (value == null) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return value;
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Files.createDirectories(options.data());
    stopLeftoverServer(options.data());
    long began = System.nanoTime();
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(options.data().toAbsolutePath())
        .setCleanDataDirectory(false)
        .setPort(options.port())
        .start();
    LOG.info("PostgreSQL listens on port {} with data in {} (started in {} ms)",
        postgres.getPort(), options.data().toAbsolutePath(), (System.nanoTime() - began) / 1_000_000);
    createDatabases(jdbcUrl(options.port(), "postgres"), options.databases());
    LOG.info("Ready: databases {}", options.databases());
    new CountDownLatch(1).await();
  }

  /** JDBC URL of a database on the local server. */
  public static String jdbcUrl(int port, String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  static void createDatabases(String adminUrl, List<String> databases) throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl, USER, PASSWORD)) {
      for (String name : databases) {
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
          query.setString(1, name);
          try (ResultSet rows = query.executeQuery()) {
            exists = rows.next();
          }
        }
        if (!exists) {
          try (Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name); // name checked against DATABASE_NAME
          }
          LOG.info("Created database {}", name);
        }
      }
    }
  }

  /** Asks a server still running on {@code data} (from a killed earlier run) to shut down. */
  static void stopLeftoverServer(Path data) throws IOException, InterruptedException {
    Optional<ProcessHandle> leftover = leftoverServer(data);
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle server = leftover.get();
    LOG.warn("A PostgreSQL server from an earlier run (pid {}) still uses {}; asking it to shut down", server.pid(), data);
    // SIGINT = PostgreSQL's "fast" shutdown; Java can only send SIGTERM ("smart", waits for clients).
    new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).inheritIO().start().waitFor();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (server.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    if (server.isAlive()) {
      server.destroyForcibly();
    }
  }

  static Optional<ProcessHandle> leftoverServer(Path data) throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.getFirst().trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false));
  }
}
