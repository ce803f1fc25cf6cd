package ai.kinitro.platform.cli;

import ai.kinitro.common.cli.CliErrors;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.platform.run.LocalPlatform;
import ai.kinitro.platform.run.PlatformControl;
import ai.kinitro.platform.services.PlatformConfig;
import ai.kinitro.platform.services.Ports;
import ai.kinitro.platform.services.ServiceCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kinitro up | down | status}: the local platform. */
@Command(
    name = "kinitro",
    mixinStandardHelpOptions = true,
    description = "Run the whole Kinitro platform on this machine.",
    subcommands = {PlatformCli.Up.class, PlatformCli.Down.class, PlatformCli.Status.class})
public final class PlatformCli {
  /** The repository root: the system property {@code kinitro.repo}, else the working directory. */
  static Path repo() {
    return Path.of(System.getProperty("kinitro.repo", ".")).toAbsolutePath().normalize();
  }

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new PlatformCli());
    cli.setOut(out);
    cli.setErr(err);
    CliErrors.install(cli);
    return cli.execute(args);
  }


  /** {@code --state-dir}, shared by all three commands. */
  static final class StateDirOption {
    @Option(names = "--state-dir", paramLabel = "<dir>",
        description = "State directory: data, logs, state.json and local secrets (default: .kinitro in the repository).")
    Path stateDir;

    Path resolve() {
      return (stateDir != null ? stateDir : repo().resolve(".kinitro")).toAbsolutePath().normalize();
    }
  }

  @Command(name = "up", mixinStandardHelpOptions = true,
      description = {"Build-if-needed is done by ./kinitro; this starts PostgreSQL, S3, the dev chain, backend, validator and "
          + "evaluator in order, each after the previous one is healthy, creates the demo competition, prints URLs and keys, "
          + "and runs until Ctrl-C, which stops everything in reverse order. A second run reuses the state."})
  static final class Up implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin StateDirOption state;

    @Option(names = "--postgres-port", paramLabel = "<port>", description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int postgresPort = Ports.DEFAULTS.postgres();

    @Option(names = "--s3-port", paramLabel = "<port>", description = "S3 (s3proxy) port (default: ${DEFAULT-VALUE}).")
    int s3Port = Ports.DEFAULTS.s3();

    @Option(names = "--chain-port", paramLabel = "<port>", description = "Dev chain JSON-RPC port (default: ${DEFAULT-VALUE}).")
    int chainPort = Ports.DEFAULTS.chain();

    @Option(names = "--backend-port", paramLabel = "<port>", description = "Backend HTTP port (default: ${DEFAULT-VALUE}).")
    int backendPort = Ports.DEFAULTS.backend();

    @Option(names = "--validator-port", paramLabel = "<port>", description = "Validator HTTP port (default: ${DEFAULT-VALUE}).")
    int validatorPort = Ports.DEFAULTS.validator();

    @Option(names = "--evaluator-port", paramLabel = "<port>", description = "Evaluator HTTP port (default: ${DEFAULT-VALUE}).")
    int evaluatorPort = Ports.DEFAULTS.evaluator();

    @Option(names = "--without", paramLabel = "<service>", split = ",",
        description = "Do not start these services (postgres, s3, chain, backend, validator, evaluator).")
    List<String> without = new ArrayList<>();

    @Option(names = "--genesis", paramLabel = "<file>", description = "Dev chain genesis file (default: the dev chain's built-in one).")
    Path genesis;

    @Override
    public Integer call() {
      Set<String> off = new HashSet<>(without);
      for (String name : off) {
        if (!ServiceCatalog.names().contains(name)) {
          throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Unknown service in --without: " + name + "; known: " + ServiceCatalog.names());
        }
      }
      Ports ports;
      try {
        ports = new Ports(postgresPort, s3Port, chainPort, backendPort, validatorPort, evaluatorPort);
      } catch (IllegalArgumentException e) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Bad ports: " + e.getMessage());
      }
      PlatformConfig config = new PlatformConfig(repo(), state.resolve(), ports, off, genesis);
      PrintWriter out = spec.commandLine().getOut();
      new LocalPlatform(config, line -> {
        out.println(line);
        out.flush();
      }).up();
      return 0;
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stop a running platform (from any terminal): the supervisor stops the services in reverse order.")
  static final class Down implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin StateDirOption state;

    @Option(names = "--timeout", paramLabel = "<seconds>", description = "How long to wait for a clean stop (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = 180;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      new PlatformControl(state.resolve()).down(Duration.ofSeconds(timeoutSeconds), line -> {
        out.println(line);
        out.flush();
      });
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Show which services run, their URLs, health and pids. Exit code 0 when running, 3 when not.")
  static final class Status implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin StateDirOption state;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PlatformControl control = new PlatformControl(state.resolve());
      PlatformControl.Status status = control.status();
      if (status.supervisorPid() == 0) {
        out.println("Kinitro is not running (no state in " + control.stateDir() + ").");
        return 3;
      }
      out.println(status.running()
          ? "Kinitro is running (supervisor pid " + status.supervisorPid() + ", state " + control.stateDir() + ")."
          : "Kinitro is not running: its supervisor (pid " + status.supervisorPid() + ") is gone; ./kinitro down cleans up.");
      out.printf("  %-10s %-8s %-10s %-45s %s%n", "SERVICE", "PID", "HEALTH", "URL", "LOG");
      for (PlatformControl.ServiceStatus service : status.services()) {
        String health = !service.processAlive() ? "stopped" : service.healthy() ? "healthy" : "unhealthy";
        out.printf("  %-10s %-8d %-10s %-45s %s%n", service.name(), service.pid(), health, service.url(), service.log());
      }
      return status.running() ? 0 : 3;
    }
  }
}
