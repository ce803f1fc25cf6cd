package ai.kinitro.backend.cli;

import picocli.CommandLine.Command;

/** {@code admin}: the root of the admin command line. */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = {"Administer a Kinitro backend through its database.",
        "Database settings come from the same configuration as the daemon, e.g. --kinitro.database.url=jdbc:postgresql://... "
            + "or KINITRO_DATABASE_URL. With the embedded database, stop the daemon first (one process at a time owns its data directory)."},
    subcommands = {ApiKeyCommand.class, CompetitionCommand.class})
public class AdminCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
