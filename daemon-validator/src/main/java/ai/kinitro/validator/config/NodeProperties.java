package ai.kinitro.validator.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every Kinitro daemon on a host.
 *
 * @param stateDir where the daemon keeps its state (the embedded database's data directory);
 *     {@code kinitro.state-dir}, default {@value #DEFAULT_STATE_DIR}
 */
@ConfigurationProperties("kinitro")
public record NodeProperties(Path stateDir) {
  public static final String DEFAULT_STATE_DIR = "/var/lib/kinitro";

  public NodeProperties {
    stateDir = stateDir == null ? Path.of(DEFAULT_STATE_DIR) : stateDir;
  }
}
