package ai.kinitro.backend.job;

import ai.kinitro.backend.config.KinitroProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides {@link TaskSeeds} from {@code kinitro.jobs.seed-secret}, or from a secret file created once in the state directory. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(JobConfiguration.class);
  static final String SECRET_FILE = "task-seed.secret";

  @Bean
  TaskSeeds taskSeeds(JobsProperties jobs, KinitroProperties kinitro) {
    if (jobs.seedSecret() != null && !jobs.seedSecret().isBlank()) {
      return new TaskSeeds(jobs.seedSecret().getBytes(StandardCharsets.UTF_8));
    }
    return new TaskSeeds(fileSecret(kinitro.stateDir().resolve(SECRET_FILE)));
  }

  static byte[] fileSecret(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.writeString(file, HexFormat.of().formatHex(secret));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
        LOG.info("Created the task seed secret {}. Set kinitro.jobs.seed-secret when several backend instances share a database.", file);
      }
      return HexFormat.of().parseHex(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the task seed secret " + file, e);
    }
  }
}
