package ai.kinitro.demo.cli;

import ai.kinitro.common.cli.CliErrors;
import ai.kinitro.common.cli.DurationText;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.demo.DemoRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kinitro demo}: see {@link ai.kinitro.demo.DemoRunner}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Against the platform ./kinitro up runs (start it first, in another terminal): two miners submit "
        + "(the scripted CartPole expert as //Dave and a random agent as //Eve: package, signed upload, commitment on "
        + "the dev chain), the evaluation runs, the expert's leader candidate is approved with the local admin key, "
        + "and the demo ends once the validator's weights on the dev chain favour the expert.",
        "Progress is kept in <state-dir>/demo/: running it again resumes instead of submitting twice."})
public final class DemoCli implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--state-dir", paramLabel = "<dir>",
      description = "State directory of ./kinitro up (default: .kinitro in the repository).")
  Path stateDir;

  @Option(names = "--timeout", paramLabel = "<duration>", description = "Give up after this long, e.g. 10m (default: ${DEFAULT-VALUE}).")
  String timeout = "10m";

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DemoCli());
    cli.setOut(out);
    cli.setErr(err);
    CliErrors.install(cli);
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = (stateDir != null ? stateDir
        : Path.of(System.getProperty("kinitro.repo", ".")).resolve(".kinitro")).toAbsolutePath().normalize();
    DemoRunner runner = new DemoRunner(DemoRunner.Options.forThisProcess(dir, parseDuration(timeout)), out::println,
        Clock.systemUTC());
    runner.run();
    return 0;
  }

  static Duration parseDuration(String text) {
    Duration d = DurationText.parse(text, ErrorCode.INVALID_ARGUMENT);
    if (d.isNegative() || d.isZero()) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "'" + text + "' is not a positive duration such as 90s, 10m or 1h");
    }
    return d;
  }
}
