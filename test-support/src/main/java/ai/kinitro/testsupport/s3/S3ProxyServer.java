package ai.kinitro.testsupport.s3;

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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An s3proxy server (the {@code org.gaul:s3proxy} {@code jar-with-dependencies}) running as a
 * separate process on a free loopback port, storing blobs in a temporary directory, with AWS
 * signature v2/v4 authentication. In process it would drag ~140 libraries onto the test class
 * path, so it always runs as its own JVM.
 *
 * <p>The jar is found from the system property {@value #JAR_PROPERTY} (set by the module's
 * Surefire configuration to the copy made by maven-dependency-plugin), else in the local Maven
 * repository at {@code ~/.m2/repository/org/gaul/s3proxy/<version>/}.
 *
 * <p>Start one per test class (about a second) with {@link #start()} and close it afterwards;
 * the blob directory is deleted on close.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String JAR_PROPERTY = "kinitro.s3proxy.jar";
  public static final String DEFAULT_VERSION = "4.1.0";
  public static final String ACCESS_KEY = "kinitro-test-access";
  public static final String SECRET_KEY = "kinitro-test-secret-0123456789";
  public static final String REGION = "us-east-1";

  private static final Logger LOG = LoggerFactory.getLogger(S3ProxyServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path directory;
  private final Path log;
  private final int port;

  private S3ProxyServer(Process process, Path directory, Path log, int port) {
    this.process = process;
    this.directory = directory;
    this.log = log;
    this.port = port;
  }

  /** Starts a server and waits until it answers HTTP. */
  public static S3ProxyServer start() {
    Path jar = locateJar();
    int port = freePort();
    try {
      Path directory = Files.createTempDirectory("kinitro-s3proxy-");
      Path blobs = Files.createDirectories(directory.resolve("blobs"));
      Path properties = directory.resolve("s3proxy.properties");
      Files.writeString(properties, String.join("\n",
          "s3proxy.endpoint=http://127.0.0.1:" + port,
          "s3proxy.authorization=aws-v2-or-v4",
          "s3proxy.identity=" + ACCESS_KEY,
          "s3proxy.credential=" + SECRET_KEY,
          "jclouds.provider=filesystem",
          "jclouds.filesystem.basedir=" + blobs,
          ""));
      Path log = directory.resolve("s3proxy.log");
      List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-jar", jar.toString(), "--properties", properties.toString());
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      S3ProxyServer server = new S3ProxyServer(process, directory, log, port);
      server.awaitReady();
      LOG.info("s3proxy started on port {} with blobs in {}", port, blobs);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start s3proxy from " + jar, e);
    }
  }

  /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return SECRET_KEY;
  }

  public String region() {
    return REGION;
  }

  /** The last lines of the server's output (for failure messages). */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteRecursively(directory);
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        String tail = tail();
        deleteRecursively(directory);
        throw new IllegalStateException("s3proxy exited with " + process.exitValue() + " before answering\n" + tail);
      }
      try {
        // Any HTTP answer (an S3 error document for an anonymous request) means it is serving.
        client.send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        sleep(Duration.ofMillis(100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("Interrupted while waiting for s3proxy", e);
      }
    }
    String tail = tail();
    close();
    throw new IllegalStateException("s3proxy did not answer within " + START_TIMEOUT + "\n" + tail);
  }

  static Path locateJar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path jar = Path.of(configured);
      if (Files.isRegularFile(jar)) {
        return jar;
      }
      throw new IllegalStateException("The s3proxy jar named by -D" + JAR_PROPERTY + " does not exist: " + jar
          + "; run the generate-test-resources phase (maven-dependency-plugin copies it there)");
    }
    Path local = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy",
        DEFAULT_VERSION, "s3proxy-" + DEFAULT_VERSION + "-jar-with-dependencies.jar");
    if (Files.isRegularFile(local)) {
      return local;
    }
    throw new IllegalStateException("No s3proxy jar: set -D" + JAR_PROPERTY + " or resolve org.gaul:s3proxy:"
        + DEFAULT_VERSION + ":jar-with-dependencies into the local Maven repository (" + local + ")");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  private static void deleteRecursively(Path root) {
    Objects.requireNonNull(root, "root");
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}", root, e);
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
