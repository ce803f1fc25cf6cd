package ai.kinitro.common.cli;

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
    CliErrors.install(cli);
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = KinitroCli.class.getPackage().getImplementationVersion();
      return new String[] {"kinitro " + (version == null ? "development build" : version)};
    }
  }
}
