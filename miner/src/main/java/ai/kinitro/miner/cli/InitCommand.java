package ai.kinitro.miner.cli;

import ai.kinitro.miner.template.AgentTemplate;
import ai.kinitro.miner.template.AgentTemplates;
import ai.kinitro.miner.template.InitResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Create a new agent project (with kinitro-agent.json and miner.toml) from a template.")
final class InitCommand implements Callable<Integer> {
  @ParentCommand MinerCli root;
  @Spec CommandSpec spec;
  @Mixin SharedOptions shared;

  @Parameters(index = "0", paramLabel = "FOLDER", description = "The new project's folder (must not exist or be empty).")
  Path folder;

  @Option(names = "--template", defaultValue = "java", paramLabel = "NAME",
      description = "java (Java SDK agent), python (Python gRPC agent) or onnx (ONNX policy served by Kinitro's runner; starts with a CartPole model). "
          + "Default: ${DEFAULT-VALUE}.")
  String template;

  @Option(names = "--java", defaultValue = AgentTemplates.DEFAULT_JAVA, paramLabel = "PATH",
      description = "Java binary the Java template's manifest starts (a JDK 25 under /usr). Default: ${DEFAULT-VALUE}.")
  String java;

  @Override
  public Integer call() {
    CliContext ctx = root.context;
    Output o = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), shared.json, ctx.interactive());
    InitResult r = AgentTemplates.create(ctx.cwd().resolve(folder), AgentTemplate.of(template),
        new AgentTemplates.Options(java, shared.competition));
    o.line("Created a " + r.template().id() + " agent in " + r.folder());
    r.files().forEach(f -> o.line("  " + f));
    o.line("Manifest: " + r.manifest());
    r.notes().forEach(n -> o.line("Next: " + n));
    ObjectNode j = o.object();
    j.put("folder", r.folder().toString());
    j.put("template", r.template().id());
    j.put("runnable", r.template().runnable());
    r.files().forEach(j.putArray("files")::add);
    j.put("manifest", r.manifest());
    r.notes().forEach(j.putArray("notes")::add);
    o.result(j);
    return 0;
  }
}
