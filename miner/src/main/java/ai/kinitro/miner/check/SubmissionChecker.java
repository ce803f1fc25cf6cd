package ai.kinitro.miner.check;

import ai.kinitro.rollout.runtime.Isolation;
import ai.kinitro.rollout.submission.SubmissionManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code check}: starts the agent with {@link LocalAgentLauncher}, pings it once more as a health
 * check, stops it and reports. The first failing step throws its own error code (manifest, archive
 * rule, start-up, crash...), with the agent's last log lines when it ran.
 */
public final class SubmissionChecker {
  static final Duration PING_TIMEOUT = Duration.ofSeconds(5);
  private final LocalAgentLauncher launcher;

  public SubmissionChecker(LocalAgentLauncher launcher) {
    this.launcher = Objects.requireNonNull(launcher, "launcher");
  }

  public CheckReport check(Path agentDir, CheckListener listener) {
    List<String> steps = new ArrayList<>();
    CheckListener both = step -> {
      steps.add(step);
      listener.passed(step);
    };
    List<String> warnings = new ArrayList<>();
    try (LocalAgent local = launcher.start(agentDir, both)) {
      long t0 = System.nanoTime();
      String name = local.agent().ping(PING_TIMEOUT);
      Duration rtt = Duration.ofNanos(System.nanoTime() - t0);
      both.passed("health check: Ping answered by '" + name + "' in " + rtt.toNanos() / 1_000 + " µs");
      if (local.agent().isolation() != Isolation.SANDBOX) {
        warnings.add("bubblewrap or socat is missing here, so the agent ran as a plain process with network access; "
            + "evaluators sandbox it (no network, read-only files). Install the 'bubblewrap' and 'socat' packages "
            + "to check under the same rules");
      }
      if (local.manifest() instanceof SubmissionManifest.Command c && c.command().getFirst().startsWith("/")
          && !c.command().getFirst().startsWith("/usr/")) {
        warnings.add("the program " + c.command().getFirst() + " is outside /usr: evaluators only show the host's /usr, "
            + "so ship it inside the archive or use a program under /usr");
      }
      return new CheckReport(steps, LocalAgentLauncher.describe(local.manifest()), local.archive().sha256(),
          local.archive().sizeBytes(), local.archive().fileCount(), local.agent().isolation(), name, local.startup(), rtt,
          warnings);
    }
  }
}
