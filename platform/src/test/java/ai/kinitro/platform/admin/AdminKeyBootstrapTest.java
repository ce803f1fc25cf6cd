package ai.kinitro.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeyBootstrapTest {
  private static final String OUTPUT = String.join("\n",
      "id:      7",
      "name:    local admin (kinitro up)",
      "role:    admin",
      "api key: kin_s3cr3t-value",
      "Store the key now: it is not shown again and only its hash is kept.",
      "");

  @TempDir Path dir;

  @Test
  void readsTheKeyFromTheAdminCommandsOutput() {
    assertThat(AdminKeyBootstrap.secret(OUTPUT)).contains("kin_s3cr3t-value");
  }

  @Test
  void theOutputWrittenToTheLogHasNoSecret() {
    assertThat(AdminKeyBootstrap.redact(OUTPUT)).doesNotContain("kin_s3cr3t-value").contains("api key: <stored in secrets.properties>");
  }

  @Test
  void recognisesABackendJarWithTheAdminCommandLine() throws Exception {
    Path with = jar("with.jar", AdminKeyBootstrap.ADMIN_CLI_ENTRY);
    Path without = jar("without.jar", "BOOT-INF/classes/ai/kinitro/backend/BackendApplication.class");

    assertThat(AdminKeyBootstrap.supported(with)).isTrue();
    assertThat(AdminKeyBootstrap.supported(without)).isFalse();
    assertThat(AdminKeyBootstrap.supported(dir.resolve("missing.jar"))).isFalse();
  }

  @Test
  void runsTheCommandAndReturnsTheKeyItPrintsWithoutLoggingIt() throws Exception {
    Path log = dir.resolve("logs/backend-admin.log");
    List<String> command = List.of("sh", "-c", "printf '%s' \"$OUT\"; echo 'a warning' >&2");

    String key = AdminKeyBootstrap.createKey(command, Map.of("OUT", OUTPUT), log, Duration.ofSeconds(30));

    assertThat(key).isEqualTo("kin_s3cr3t-value");
    assertThat(Files.readString(log)).contains("a warning", "role:    admin").doesNotContain("kin_s3cr3t-value");
  }

  @Test
  void aFailingCommandIsAnAdminApiFailurePointingAtTheLog() {
    Path log = dir.resolve("admin.log");

    assertThatThrownBy(() -> AdminKeyBootstrap.createKey(List.of("sh", "-c", "echo 'error 1000 INVALID_ARGUMENT: bad role'; exit 2"),
        Map.of(), log, Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ADMIN_API_FAILED);
          assertThat(e.getMessage()).isEqualTo("The backend's admin command (api-key create) failed with exit code 2 and printed no key; see " + log);
        });
  }

  @Test
  void theCommandCreatesAnAdminKeyAndPassesTheBackendsStorageSettings() {
    assertThat(AdminKeyBootstrap.arguments("local admin", List.of("--kinitro.database.url=jdbc:x")))
        .containsExactly("admin", "api-key", "create", "--name", "local admin", "--role", "admin",
            "--description", "Created by ./kinitro up for the local platform", "--kinitro.database.url=jdbc:x");
  }

  private Path jar(String name, String entry) throws Exception {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(1);
      zip.closeEntry();
    }
    return jar;
  }
}
