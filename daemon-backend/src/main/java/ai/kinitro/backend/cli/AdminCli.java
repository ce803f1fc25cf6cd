package ai.kinitro.backend.cli;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.KinitroException;
import java.io.PrintWriter;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * Builds the picocli command line over a Spring context (commands get their services by
 * constructor) and maps failures to exit codes: 0 ok, 2 a user error (bad input, unknown id), 1
 * anything else. Errors print {@code error <code> <NAME>: message} on stderr.
 */
public final class AdminCli {
  public static final int EXIT_USER_ERROR = 2;
  public static final int EXIT_FAILURE = 1;

  private AdminCli() {}

  public static CommandLine commandLine(ApplicationContext context, PrintWriter out, PrintWriter err) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type.getPackageName().equals(AdminCli.class.getPackageName())) {
          return context.getAutowireCapableBeanFactory().createBean(type);
        }
        return CommandLine.defaultFactory().create(type);
      }
    };
    CommandLine commandLine = new CommandLine(AdminCommand.class, factory);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      Throwable cause = e;
      while (cause != null && !(cause instanceof KinitroException)) {
        cause = cause.getCause();
      }
      if (cause instanceof KinitroException k) {
        cmd.getErr().println("error " + k.code().number() + " " + k.code().name() + ": " + k.getMessage());
        cmd.getErr().flush();
        return k.code().category() == ErrorCategory.USER ? EXIT_USER_ERROR : EXIT_FAILURE;
      }
      cmd.getErr().println("error: " + e);
      cmd.getErr().flush();
      return EXIT_FAILURE;
    });
    return commandLine;
  }
}
