package ai.kinitro.miner.cli;

import ai.kinitro.common.error.KinitroException;
import ai.kinitro.miner.backend.BackendClient;
import ai.kinitro.miner.backend.Competition;
import ai.kinitro.miner.check.CheckReport;
import ai.kinitro.miner.check.LocalAgentLauncher;
import ai.kinitro.miner.check.LocalAgentOptions;
import ai.kinitro.miner.check.SubmissionChecker;
import ai.kinitro.miner.config.MinerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check the agent before anything is uploaded: the manifest, the archive rules (with the competition's "
        + "size limit when the backend can be reached), then start it in the local sandbox and ping it."})
final class CheckCommand implements Callable<Integer> {
  @ParentCommand MinerCli root;
  @Spec CommandSpec spec;
  @Mixin SharedOptions shared;
  @Mixin AgentOptions agent;

  @Override
  public Integer call() {
    CliContext ctx = root.context;
    Output o = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), shared.json, ctx.interactive());
    MinerConfig config = shared.resolve(ctx);
    LocalAgentOptions options = withCompetitionLimit(agent.options(), config, ctx, o);
    CheckReport r = new SubmissionChecker(new LocalAgentLauncher(options)).check(config.agentDir(), step -> o.line("ok  " + step));
    r.warnings().forEach(w -> o.note("warning: " + w));
    o.line("Check passed: " + config.agentDir());
    ObjectNode j = o.object();
    j.put("passed", true);
    j.put("agent_dir", config.agentDir().toString());
    j.put("manifest", r.manifest());
    j.put("sha256", r.sha256());
    j.put("size_bytes", r.sizeBytes());
    j.put("files", r.fileCount());
    j.put("isolation", r.isolation().name());
    j.put("agent_name", r.agentName());
    j.put("startup_ms", r.startup().toMillis());
    j.put("ping_us", r.pingRoundTrip().toNanos() / 1_000);
    r.steps().forEach(j.putArray("steps")::add);
    r.warnings().forEach(j.putArray("warnings")::add);
    o.result(j);
    return 0;
  }

  /** The competition's archive limit when a competition is set and the backend answers; a note otherwise. */
  static LocalAgentOptions withCompetitionLimit(LocalAgentOptions options, MinerConfig config, CliContext ctx, Output o) {
    if (config.competitionId().isEmpty()) {
      return options;
    }
    try {
      Competition c = new BackendClient(config.backendUrl(), ctx.http(), BackendClient.DEFAULT_TIMEOUT)
          .competition(config.competitionId().get());
      return c.maxSizeBytes().isPresent() ? options.withMaxArchiveBytes(c.maxSizeBytes().getAsLong()) : options;
    } catch (KinitroException e) {
      o.note("note: the competition's size limit is unknown (" + e.getMessage() + "); checking with the evaluator's "
          + "default limits");
      return options;
    }
  }
}
