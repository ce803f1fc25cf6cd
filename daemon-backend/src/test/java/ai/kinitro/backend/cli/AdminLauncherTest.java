package ai.kinitro.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.BackendApplication;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar kinitro-backend.jar admin ...}: the whole application context started without a
 * web server (so any web-only bean that needs a ServletContext would fail here).
 */
class AdminLauncherTest {
  @TempDir Path stateDir;

  @Test
  void createsAnApiKeyFromTheFullNonWebContext() {
    TestDatabase database = TestPostgres.shared().createDatabase("admin_launcher");
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = AdminLauncher.run(BackendApplication.class, new String[] {
          "--spring.datasource.url=" + database.jdbcUrl(),
          "--spring.datasource.username=" + database.user(),
          "--spring.datasource.password=" + database.password(),
          "--kinitro.state-dir=" + stateDir,
          "--kinitro.jobs.seed-secret=test-seed-secret-0123456789",
          "api-key", "create", "--name", "launcher admin", "--role", "admin"});
    } finally {
      System.setOut(original);
    }

    assertThat(exit).as(captured.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("api key: ");
  }
}
