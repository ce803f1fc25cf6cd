package ai.kinitro.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A daemon started from its executable jar as a real operating-system process, for tests that
 * must exercise exactly what users run. Output goes to a log file whose tail is included in any
 * failure message.
 */
public final class DaemonProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;

  private DaemonProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code java -jar jar args...} with the current JVM's {@code java}, a free port passed
   * through {@code portProperty} (e.g. {@code server.port}), and extra environment variables.
   */
  public static DaemonProcess start(Path jar, String portProperty, List<String> args, Map<String, String> env, Path logDir) {
    Objects.requireNonNull(jar, "jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Executable jar " + jar + " does not exist; run the package phase first");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.add("--" + portProperty + "=" + port);
    command.addAll(args);
    try {
      Files.createDirectories(logDir);
      Path log = Files.createTempFile(logDir, jar.getFileName().toString(), ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      return new DaemonProcess(builder.start(), log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + jar, e);
    }
  }

  public int port() {
    return port;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Polls {@code path} until it answers 200 or the deadline passes; returns the body. */
  public String awaitHttpOk(String path, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Daemon exited with " + process.exitValue() + " before answering " + path + "\n" + tail());
      }
      try {
        HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response.body();
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + path, e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException("Daemon did not answer " + path + " within " + timeout + "\n" + tail());
  }

  /** The last lines of the process output. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** Sends SIGTERM and waits up to 30 s for a clean stop, then kills. Returns the exit code. */
  public int stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
