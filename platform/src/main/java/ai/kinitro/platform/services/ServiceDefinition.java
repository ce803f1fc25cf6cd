package ai.kinitro.platform.services;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.platform.supervisor.HealthCheck;
import ai.kinitro.platform.supervisor.ProcessLauncher;
import ai.kinitro.platform.supervisor.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One entry of the catalog: how to run a service as a process and how to know it is healthy.
 *
 * @param name short name ({@code backend}); also its log file name
 * @param description one line for people
 * @param port its main port
 * @param url where users reach it
 * @param unavailable why it cannot run here (not built, module not there yet), or empty
 * @param command program and arguments; no secrets (command lines are visible to other users)
 * @param environment extra environment variables, computed when the service is launched (secrets
 *     go here, e.g. in {@code SPRING_APPLICATION_JSON})
 * @param workingDirectory where it runs
 * @param health its probe
 * @param startTimeout how long it may take to become healthy
 * @param stopTimeout how long it may take to stop before it is killed
 */
public record ServiceDefinition(
    String name,
    String description,
    int port,
    String url,
    Optional<String> unavailable,
    List<String> command,
    Supplier<Map<String, String>> environment,
    Path workingDirectory,
    HealthCheck health,
    Duration startTimeout,
    Duration stopTimeout) {
  public ServiceDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(unavailable, "unavailable");
    command = List.copyOf(command);
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
  }

  /** A copy that runs {@code step} just before each launch (after the services before it are healthy). */
  public ServiceDefinition beforeLaunch(Runnable step) {
    Supplier<Map<String, String>> original = environment;
    return new ServiceDefinition(name, description, port, url, unavailable, command, () -> {
      step.run();
      return original.get();
    }, workingDirectory, health, startTimeout, stopTimeout);
  }

  public boolean available() {
    return unavailable.isEmpty();
  }

  public Path log(Path logDir) {
    return logDir.resolve(name + ".log");
  }

  /** The supervisor's view: a process launched in its own session, logging to {@code logDir/name.log}. */
  public ServiceSpec toSpec(Path logDir) {
    Path log = log(logDir);
    return new ServiceSpec(name, port, url,
        () -> {
          // Checked again right before the launch: something may have taken the port since up began.
          if (PortCheck.inUse(port)) {
            throw new KinitroException(ErrorCode.PLATFORM_PORT_IN_USE, "Port " + port + " (" + name
                + ") is already in use by another program; free it or pass --" + name + "-port <port>");
          }
          return new ProcessLauncher(command, environment.get(), workingDirectory, log, true).launch();
        },
        health, startTimeout, stopTimeout);
  }
}
