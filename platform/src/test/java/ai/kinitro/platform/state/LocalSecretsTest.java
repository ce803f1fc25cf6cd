package ai.kinitro.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
  @TempDir Path dir;

  @Test
  void aSecondLoadReturnsTheSameS3Credentials() {
    LocalSecrets first = LocalSecrets.loadOrCreate(dir);
    LocalSecrets second = LocalSecrets.loadOrCreate(dir);

    for (String key : new String[] {LocalSecrets.S3_ACCESS_KEY, LocalSecrets.S3_SECRET_KEY}) {
      assertThat(second.get(key)).as(key).isEqualTo(first.get(key));
    }
    assertThat(first.get(LocalSecrets.S3_SECRET_KEY)).matches("[A-Za-z0-9_-]{40}");
  }

  @Test
  void twoStateDirectoriesGetDifferentKeys() {
    String one = LocalSecrets.loadOrCreate(dir.resolve("one")).get(LocalSecrets.S3_SECRET_KEY);
    String two = LocalSecrets.loadOrCreate(dir.resolve("two")).get(LocalSecrets.S3_SECRET_KEY);

    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws Exception {
    LocalSecrets.loadOrCreate(dir);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(LocalSecrets.FILE_NAME)))).isEqualTo("rw-------");
  }

  @Test
  void keysIssuedByTheBackendAreAbsentUntilStoredAndThenSurviveAReload() {
    assertThat(LocalSecrets.loadOrCreate(dir).find(LocalSecrets.ADMIN_API_KEY)).isEmpty();

    LocalSecrets.loadOrCreate(dir).put(LocalSecrets.ADMIN_API_KEY, "issued-by-backend");

    assertThat(LocalSecrets.loadOrCreate(dir).find(LocalSecrets.ADMIN_API_KEY)).contains("issued-by-backend");
  }

  @Test
  void toStringShowsNoValue() {
    LocalSecrets secrets = LocalSecrets.loadOrCreate(dir);

    assertThat(secrets.toString()).doesNotContain(secrets.get(LocalSecrets.S3_SECRET_KEY)).contains("redacted");
  }
}
