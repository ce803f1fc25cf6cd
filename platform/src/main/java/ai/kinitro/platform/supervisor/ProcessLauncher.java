package ai.kinitro.platform.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Launches a service as an operating-system process whose output (stdout and stderr) is appended
 * to a log file. With {@code newSession} the command runs under {@code setsid} when that exists,
 * so Ctrl-C in the terminal reaches only the supervisor, which then stops the services in order
 * (otherwise the terminal would signal every process of its foreground group at once).
 *
 * @param command the program and its arguments
 * @param environment variables added to the supervisor's environment (secrets go here, never on
 *     the command line, which other users can read)
 * @param workingDirectory where the process runs
 * @param log the file the output is appended to
 * @param newSession run in a new session (process group) when possible
 */
public record ProcessLauncher(
    List<String> command, Map<String, String> environment, Path workingDirectory, Path log, boolean newSession)
    implements ServiceLauncher {
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  public ProcessLauncher {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(log, "log");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
  }

  @Override
  public ServiceHandle launch() throws IOException {
    Files.createDirectories(workingDirectory);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Files.writeString(log, System.lineSeparator() + "===== " + Instant.now() + " starting: " + String.join(" ", command)
        + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    List<String> actual = new ArrayList<>();
    if (newSession && Files.isExecutable(SETSID)) {
      actual.add(SETSID.toString());
    }
    actual.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(actual)
        .directory(workingDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    // Nothing is ever written to the child's stdin; close it so a child that reads it sees EOF.
    process.getOutputStream().close();
    return new ProcessHandleAdapter(process, log);
  }
}
