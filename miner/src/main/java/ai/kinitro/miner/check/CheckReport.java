package ai.kinitro.miner.check;

import ai.kinitro.rollout.runtime.Isolation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A passed check: what was checked, the archive's hash and size, how the agent ran, its name,
 * start-up time and Ping round trip, and warnings (e.g. no sandbox on this machine).
 */
public record CheckReport(
    List<String> steps,
    String manifest,
    String sha256,
    long sizeBytes,
    int fileCount,
    Isolation isolation,
    String agentName,
    Duration startup,
    Duration pingRoundTrip,
    List<String> warnings) {
  public CheckReport {
    steps = List.copyOf(steps);
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(agentName, "agentName");
    Objects.requireNonNull(startup, "startup");
    Objects.requireNonNull(pingRoundTrip, "pingRoundTrip");
    warnings = List.copyOf(warnings);
  }
}
