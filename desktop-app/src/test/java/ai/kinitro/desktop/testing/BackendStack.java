package ai.kinitro.desktop.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import ai.kinitro.testsupport.postgres.TestDatabase;
import ai.kinitro.testsupport.postgres.TestPostgres;
import ai.kinitro.testsupport.process.DaemonProcess;
import ai.kinitro.testsupport.s3.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real stack the desktop app talks to in end-to-end tests: the backend's executable jar as a
 * process (as operators run it) on a database of the embedded test PostgreSQL, s3proxy as its
 * vault and the embedded dev chain (blocks every 250 ms) as its chain, with a score cycle every
 * second. The first admin key is made with the backend's own admin command line; everything else
 * (competitions, validator keys) goes through its REST API with that key.
 *
 * <p>The jar comes from the system property {@value #JAR_PROPERTY} (set by the Surefire
 * configuration), else {@code ../daemon-backend/target/kinitro-backend.jar}; tests are skipped
 * with an assumption when it has not been built ({@link #assumeBuilt}).
 */
public final class BackendStack implements AutoCloseable {
  public static final String JAR_PROPERTY = "kinitro.backend.jar";
  public static final JsonMapper JSON = JsonMapper.builder().build();
  /** The dev chain's subnet. */
  public static final int NETUID = 1;
  private static final Duration START = Duration.ofSeconds(180);
  private static final String SEED_SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  private final DevChain chain;
  private final S3ProxyServer s3;
  private final TestDatabase db;
  private final DaemonProcess backend;
  private final String adminKey;
  private final String vaultBucket;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BackendStack(DevChain chain, S3ProxyServer s3, TestDatabase db, DaemonProcess backend, String adminKey,
      String vaultBucket) {
    this.vaultBucket = vaultBucket;
    this.chain = chain;
    this.s3 = s3;
    this.db = db;
    this.backend = backend;
    this.adminKey = adminKey;
  }

  public static Path jar() {
    return Path.of(System.getProperty(JAR_PROPERTY, "../daemon-backend/target/kinitro-backend.jar"));
  }

  /** Skips the calling test unless the backend's executable jar has been built. */
  public static void assumeBuilt() {
    assumeTrue(Files.isRegularFile(jar()), "the backend's executable jar " + jar().toAbsolutePath() + " is not built: run "
        + "'./mvnw -pl daemon-backend -am package -DskipTests' (or build desktop-app with -am) to run the end-to-end tests");
  }

  /** Starts the chain, the S3 server and the backend, and makes the first admin key. */
  public static BackendStack start(String name) {
    assumeBuilt();
    Path dir;
    try {
      dir = Files.createTempDirectory("kinitro-desktop-" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestDatabase db = TestPostgres.shared().createDatabase("desktop_" + name);
    DevChain chain = DevChain.start(DevChainConfig.forTests().withBlockTime(Duration.ofMillis(250)));
    S3ProxyServer s3 = null;
    DaemonProcess backend = null;
    try {
      s3 = S3ProxyServer.start();
      String bucket = "kinitro-desktop-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      List<String> config = List.of(
          "--kinitro.state-dir=" + dir.resolve("backend-state"),
          "--kinitro.database.url=" + db.jdbcUrl(), "--kinitro.database.user=" + db.user(),
          "--kinitro.database.password=" + db.password(),
          "--kinitro.vault.endpoint=" + s3.endpoint(), "--kinitro.vault.region=" + s3.region(),
          "--kinitro.vault.bucket=" + bucket,
          "--kinitro.vault.access-key=" + s3.accessKey(), "--kinitro.vault.secret-key=" + s3.secretKey(),
          "--kinitro.vault.create-bucket=true",
          "--kinitro.jobs.seed-secret=" + SEED_SECRET);
      String adminKey = createAdminKey(config, dir);
      List<String> daemon = new ArrayList<>(config);
      daemon.addAll(List.of(
          "--kinitro.chain.endpoint=" + chain.url(), "--kinitro.chain.netuid=" + NETUID, "--kinitro.chain.poll-interval=1s",
          "--kinitro.health.chain-stale-intervals=60",
          "--kinitro.chain.metagraph-ttl=0s",
          "--kinitro.scoring.interval=1s", "--kinitro.scoring.initial-delay=1s", "--kinitro.scoring.min-validators=1",
          "--kinitro.scoring.owner-uid=0"));
      backend = DaemonProcess.start(jar(), "server.port", daemon, Map.of(), dir.resolve("logs"));
      backend.awaitHttpOk("/actuator/health", START);
      return new BackendStack(chain, s3, db, backend, adminKey, bucket);
    } catch (RuntimeException | Error e) {
      if (backend != null) {
        backend.close();
      }
      if (s3 != null) {
        s3.close();
      }
      chain.close();
      TestPostgres.shared().dropDatabase(db);
      throw e;
    }
  }

  /** {@code java -jar kinitro-backend.jar admin api-key create --role admin} on the stack's database. */
  private static String createAdminKey(List<String> config, Path dir) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "admin", "api-key", "create", "--name", "desktop-admin", "--role", "admin"));
    command.addAll(config);
    try {
      Path log = dir.resolve("admin-cli.log");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the admin command line did not finish within " + START + "\n" + Files.readString(log));
      }
      String out = Files.readString(log);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("the admin command line failed with " + p.exitValue() + "\n" + out);
      }
      return out.lines().filter(l -> l.startsWith("api key:")).map(l -> l.substring("api key:".length()).strip()).findFirst()
          .orElseThrow(() -> new IllegalStateException("no 'api key:' line in the admin command line's output\n" + out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI url() {
    return backend.baseUri();
  }

  public URI chainUrl() {
    return chain.url();
  }

  public DevChain chain() {
    return chain;
  }

  public String adminKey() {
    return adminKey;
  }

  /**
   * The backend's own vault bucket (in s3proxy), where a validator of the local platform stores
   * frames: the backend signs URLs for frames there.
   */
  public TestValidator.FrameBucket vaultFrames() {
    return new TestValidator.FrameBucket(s3.endpoint(), s3.region(), vaultBucket, s3.accessKey(), s3.secretKey());
  }

  /** The backend's log tail, for failure messages. */
  public String tail() {
    return backend.tail();
  }

  /** Creates an active competition through {@code POST /competitions}; returns its id. */
  public String createCompetition(String name, String benchmarksJson, double minSuccessRate) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    body.put("description", "Created by the desktop app's end-to-end tests");
    body.set("benchmarks", JSON.readTree(benchmarksJson));
    body.put("points", 100);
    body.put("min_avg_reward", 0.0);
    body.put("win_margin_pct", 0.05);
    body.put("min_success_rate", minSuccessRate);
    body.put("submission_holdout_seconds", 300);
    body.put("submission_max_size_bytes", 100_000_000L);
    return send("POST", "/competitions", body, adminKey, 201).path("id").asString();
  }

  /** Creates an API key through {@code POST /admin/api-keys}; returns its secret. */
  public String createApiKey(String name, String role, String hotkey) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    body.put("role", role);
    if (hotkey != null) {
      body.put("associated_hotkey", hotkey);
    }
    return send("POST", "/admin/api-keys", body, adminKey, 201).path("api_key").asString();
  }

  /** {@code GET path} with the admin key; the answer must be 200. */
  public JsonNode get(String path) {
    return send("GET", path, null, adminKey, 200);
  }

  /** {@code POST path} with the admin key; the answer must have the expected status. */
  public JsonNode post(String path, JsonNode body, int expected) {
    return send("POST", path, body, adminKey, expected);
  }

  /** Polls {@code GET path} until the answer satisfies the condition; returns that answer. */
  public JsonNode await(String path, Duration timeout, Predicate<JsonNode> condition, String what) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = get(path);
      if (condition.test(last)) {
        return last;
      }
      sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what + "; last answer of " + path + ": " + last + "\n" + tail());
  }

  private JsonNode send(String method, String path, JsonNode body, String key, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    if (key != null) {
      request.header("X-API-Key", key);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new AssertionError(method + " " + path + " answered " + response.statusCode() + " (expected " + expected + "): "
            + response.body());
      }
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      backend.close();
    } finally {
      try {
        s3.close();
      } finally {
        try {
          chain.close();
        } finally {
          TestPostgres.shared().dropDatabase(db);
        }
      }
    }
  }
}
