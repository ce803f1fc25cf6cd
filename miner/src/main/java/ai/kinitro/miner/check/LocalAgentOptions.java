package ai.kinitro.miner.check;

import ai.kinitro.rollout.runtime.AgentLimits;
import ai.kinitro.rollout.submission.ArchiveLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start an agent locally: the archive limits (the competition's size limit when known),
 * the agent's limits, extra read-only paths visible in the sandbox (e.g. a JDK outside /usr, for
 * local runs only), whether the sandbox is required, and where temporary files go (a fresh folder
 * under the system temp dir when empty: Unix socket paths must stay short).
 */
public record LocalAgentOptions(
    ArchiveLimits archiveLimits,
    AgentLimits agentLimits,
    List<Path> extraReadOnlyPaths,
    boolean requireSandbox,
    Optional<Path> workDir) {
  public static final LocalAgentOptions DEFAULT =
      new LocalAgentOptions(ArchiveLimits.DEFAULT, AgentLimits.DEFAULT, List.of(), false, Optional.empty());

  public LocalAgentOptions {
    Objects.requireNonNull(archiveLimits, "archiveLimits");
    Objects.requireNonNull(agentLimits, "agentLimits");
    extraReadOnlyPaths = List.copyOf(extraReadOnlyPaths);
    Objects.requireNonNull(workDir, "workDir");
  }

  /** With the archive size limit lowered to a competition's limit (never raised above the evaluator's). */
  public LocalAgentOptions withMaxArchiveBytes(long max) {
    long limit = Math.min(max, archiveLimits.maxArchiveBytes());
    return new LocalAgentOptions(new ArchiveLimits(limit, archiveLimits.maxUnpackedBytes(), archiveLimits.maxEntries()),
        agentLimits, extraReadOnlyPaths, requireSandbox, workDir);
  }

  public LocalAgentOptions withAgentLimits(AgentLimits limits) {
    return new LocalAgentOptions(archiveLimits, limits, extraReadOnlyPaths, requireSandbox, workDir);
  }

  public LocalAgentOptions withExtraReadOnlyPaths(List<Path> paths) {
    return new LocalAgentOptions(archiveLimits, agentLimits, paths, requireSandbox, workDir);
  }

  public LocalAgentOptions withRequireSandbox(boolean required) {
    return new LocalAgentOptions(archiveLimits, agentLimits, extraReadOnlyPaths, required, workDir);
  }

  public LocalAgentOptions withWorkDir(Path dir) {
    return new LocalAgentOptions(archiveLimits, agentLimits, extraReadOnlyPaths, requireSandbox, Optional.of(dir));
  }
}
