package ai.kinitro.miner.cli;

import ai.kinitro.miner.check.LocalAgentOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How check and local-eval start the agent. */
final class AgentOptions {
  @Option(names = "--require-sandbox", description = "Fail instead of running without bubblewrap/socat.")
  boolean requireSandbox;

  @Option(names = "--sandbox-ro", paramLabel = "PATH",
      description = "Extra host path visible read-only in the sandbox (local runs only, e.g. a JDK outside /usr).")
  List<Path> readOnly = new ArrayList<>();

  @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Time the agent has to answer Ping (default ${DEFAULT-VALUE}, as on evaluators).")
  long startupSeconds;

  LocalAgentOptions options() {
    return LocalAgentOptions.DEFAULT.withRequireSandbox(requireSandbox).withExtraReadOnlyPaths(readOnly)
        .withAgentLimits(LocalAgentOptions.DEFAULT.agentLimits().withStartupTimeout(Duration.ofSeconds(startupSeconds)));
  }
}
