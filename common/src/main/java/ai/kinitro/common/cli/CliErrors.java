package ai.kinitro.common.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import picocli.CommandLine;

/**
 * The one mapping from error codes to the output and exit status of a command line: the code and
 * message on standard error, and 2 for the user's mistakes (as for bad arguments), 3 when a limit
 * was hit, 4 when an external system failed, 1 for our own bugs.
 */
public final class CliErrors {
  private CliErrors() {}

  /** Makes {@code cli} report exceptions with their code and exit with {@link #exitCode}. */
  public static CommandLine install(CommandLine cli) {
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof KinitroException ke) {
        commandLine.getErr().println("error[" + ke.code().number() + " " + ke.code() + "]: " + ke.getMessage());
        return exitCode(ke.code());
      }
      commandLine.getErr().println("error[" + ErrorCode.INTERNAL_ERROR.number() + " INTERNAL_ERROR]: " + e);
      return exitCode(ErrorCode.INTERNAL_ERROR);
    });
    return cli;
  }

  public static int exitCode(ErrorCode code) {
    return switch (code.category()) {
      case USER -> 2;
      case RESOURCES -> 3;
      case EXTERNAL -> 4;
      case INTERNAL -> 1;
    };
  }
}
