package ai.kinitro.miner.cli;

import ai.kinitro.miner.config.MinerConfig;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.pack.SubmissionPackager;
import ai.kinitro.rollout.submission.ArchiveLimits;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "package", mixinStandardHelpOptions = true,
    description = "Build submission.tar.gz reproducibly (sorted entries, fixed times and owners); print SHA-256 and size.")
final class PackageCommand implements Callable<Integer> {
  @ParentCommand MinerCli root;
  @Spec CommandSpec spec;
  @Mixin SharedOptions shared;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Archive path (default: <agent>/submission.tar.gz).")
  Path output;

  @Override
  public Integer call() {
    CliContext ctx = root.context;
    Output o = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), shared.json, ctx.interactive());
    MinerConfig config = shared.resolve(ctx);
    Path target = output != null ? ctx.cwd().resolve(output) : config.agentDir().resolve("submission.tar.gz");
    PackagedSubmission p = new SubmissionPackager(ArchiveLimits.DEFAULT.maxArchiveBytes()).pack(config.agentDir(), target);
    o.line("Archive: " + p.archive());
    o.line("SHA-256: " + p.sha256());
    o.line("Size:    " + p.sizeBytes() + " bytes (" + Output.amount(p.sizeBytes(), "bytes") + "), " + p.fileCount() + " files");
    o.result(json(o, p));
    return 0;
  }

  static ObjectNode json(Output o, PackagedSubmission p) {
    ObjectNode j = o.object();
    j.put("archive", p.archive().toString());
    j.put("sha256", p.sha256());
    j.put("size_bytes", p.sizeBytes());
    j.put("files", p.fileCount());
    return j;
  }
}
