package ai.kinitro.common.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kinitro} command line for what {@code common} can do on its own (keys today). The
 * {@code ./kinitro} launcher script routes other commands to the modules that own them.
 */
@Command(
    name = "kinitro",
    mixinStandardHelpOptions = true,
    versionProvider = KinitroCli.Version.class,
    description = "Kinitro command-line tools.",
    subcommands = {KeyCommand.class, ChainCommand.class})
public final class KinitroCli {

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new KinitroCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof KinitroException ke) {
        commandLine.getErr().println("error[" + ke.code().number() + " " + ke.code() + "]: " + ke.getMessage());
        return exitCode(ke.code());
      }
      commandLine.getErr().println("error[" + ErrorCode.INTERNAL_ERROR.number() + " INTERNAL_ERROR]: " + e);
      return exitCode(ErrorCode.INTERNAL_ERROR);
    });
    return cli.execute(args);
  }

  /**
   * The one mapping from error codes to process exit codes: 2 for the user's mistakes (as for bad
   * arguments), 3 when a limit was hit, 4 when an external system failed, 1 for our own bugs.
   */
  static int exitCode(ErrorCode code) {
    return switch (code.category()) {
      case USER -> 2;
      case RESOURCES -> 3;
      case EXTERNAL -> 4;
      case INTERNAL -> 1;
    };
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = KinitroCli.class.getPackage().getImplementationVersion();
      return new String[] {"kinitro " + (version == null ? "development build" : version)};
    }
  }
}
