package ai.kinitro.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresMainTest {
  @TempDir Path dir;

  @Test
  void parsesPortDataDirectoryAndDatabases() {
    EmbeddedPostgresMain.Options options = EmbeddedPostgresMain.Options.parse(
        new String[] {"--port", "5433", "--data", "/var/pg", "--database", "kinitro_backend", "--database", "kinitro_validator"});

    assertThat(options).isEqualTo(new EmbeddedPostgresMain.Options(5433, Path.of("/var/pg"), List.of("kinitro_backend", "kinitro_validator")));
  }

  @Test
  void refusesADatabaseNameThatWouldNeedQuoting() {
    assertThatThrownBy(() -> EmbeddedPostgresMain.Options.parse(new String[] {"--port", "5433", "--data", "/d", "--database", "x; DROP"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid database name: x; DROP");
  }

  @Test
  void aPidFileOfAProcessThatIsNotPostgresIsNoLeftoverServer() throws Exception {
    Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n");

    assertThat(EmbeddedPostgresMain.leftoverServer(dir)).isEmpty();
  }

  @Test
  void noPidFileMeansNoLeftoverServer() throws Exception {
    assertThat(EmbeddedPostgresMain.leftoverServer(dir)).isEmpty();
  }
}
