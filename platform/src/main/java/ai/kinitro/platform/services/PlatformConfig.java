package ai.kinitro.platform.services;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How {@code ./kinitro up} was asked to run.
 *
 * @param repo the repository root (where the modules' {@code target/} directories are)
 * @param stateDir where state, data and logs go (default {@code <repo>/.kinitro})
 * @param ports the services' ports
 * @param without names of services not to start
 * @param genesis a dev-chain genesis file, or null for the dev chain's built-in default
 */
public record PlatformConfig(Path repo, Path stateDir, Ports ports, Set<String> without, Path genesis) {
  public PlatformConfig {
    repo = Objects.requireNonNull(repo, "repo").toAbsolutePath().normalize();
    stateDir = Objects.requireNonNull(stateDir, "stateDir").toAbsolutePath().normalize();
    Objects.requireNonNull(ports, "ports");
    without = Set.copyOf(without);
  }

  public Path logDir() {
    return stateDir.resolve("logs");
  }
}
