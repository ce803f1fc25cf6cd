package ai.kinitro.miner.cli;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.KinitroException;
import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kinitro-miner}: from an agent project to a scored submission. */
@Command(name = "kinitro-miner", mixinStandardHelpOptions = true,
    description = {"Build, check, evaluate, package, upload and commit a Kinitro agent, then follow its evaluation.",
        "Settings come from ./miner.toml (or --config) and flags; see docs/miner.md."},
    subcommands = {InitCommand.class, CheckCommand.class, LocalEvalCommand.class, PackageCommand.class,
        UploadCommand.class, CommitCommand.class, StatusCommand.class})
public final class MinerCli {
  /** Exit status of a command whose work ran but did not succeed (an agent fault in local-eval, a timeout). */
  public static final int NOT_SUCCEEDED = 1;
  /** Exit status of a user error (bad setting, refused upload...). */
  public static final int USER_ERROR = 2;

  final CliContext context;

  public MinerCli(CliContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), CliContext.system()));
  }

  /** Runs a command line; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    CommandLine cli = new CommandLine(new MinerCli(context));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println();
      if (e instanceof KinitroException ke) {
        commandLine.getErr().println("error[" + ke.code().number() + " " + ke.code() + "]: " + ke.getMessage());
        commandLine.getErr().flush();
        return ke.code().category() == ErrorCategory.USER ? USER_ERROR : NOT_SUCCEEDED;
      }
      commandLine.getErr().println("error: " + e);
      commandLine.getErr().flush();
      return NOT_SUCCEEDED;
    });
    return cli.execute(args);
  }
}
