package ai.kinitro.platform.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * One service the supervisor runs.
 *
 * @param name short name used in messages, logs and {@code state.json} (e.g. {@code backend})
 * @param port the main port it listens on (0 when it has none)
 * @param url where users reach it (may be empty)
 * @param launcher starts it
 * @param health probes it; the supervisor polls until the probe passes or {@code startTimeout} passes
 * @param startTimeout how long it may take to become healthy
 * @param stopTimeout how long it may take to exit after a polite stop before it is killed
 */
public record ServiceSpec(
    String name, int port, String url, ServiceLauncher launcher, HealthCheck health, Duration startTimeout, Duration stopTimeout) {
  public ServiceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(launcher, "launcher");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }
}
