package ai.kinitro.evaluator.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCategory;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real HTTP server answering as an artifact store would, well and badly. */
class ArtifactFetcherTest {
  static final byte[] ARCHIVE = "pretend this is a tar.gz".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path tmp;

  private HttpServer server;
  private ScheduledExecutorService watchdog;
  private ArtifactFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", ex -> answer(ex, 200, ARCHIVE));
    server.createContext("/expired", ex -> answer(ex, 403, "<Error>Request has expired</Error>".getBytes()));
    server.createContext("/down", ex -> answer(ex, 503, "busy".getBytes()));
    server.createContext("/stall", ex -> {
      ex.sendResponseHeaders(200, ARCHIVE.length);
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    watchdog = Executors.newSingleThreadScheduledExecutor();
    fetcher = new ArtifactFetcher(new ArtifactFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(30)), watchdog);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    watchdog.shutdownNow();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path + "?X-Amz-Signature=topsecret");
  }

  static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void downloadsAnArchiveWhoseSizeAndDigestMatch() throws Exception {
    Path file = fetcher.fetch(url("/ok"), sha256(ARCHIVE), ARCHIVE.length, tmp.resolve("a.tar.gz"));

    assertThat(Files.readAllBytes(file)).isEqualTo(ARCHIVE);
  }

  @Test
  void anotherDigestIsAPlatformFaultAndLeavesNoFile() {
    assertThatThrownBy(() -> fetcher.fetch(url("/ok"), "0".repeat(64), ARCHIVE.length, tmp.resolve("a.tar.gz")))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_DIGEST_MISMATCH);
          assertThat(e.code().category()).isNotEqualTo(ErrorCategory.USER);
        });
    assertThat(tmp.resolve("a.tar.gz")).doesNotExist();
  }

  @Test
  void anotherSizeIsRefusedBeforeTheBodyIsRead() throws Exception {
    assertThatThrownBy(() -> fetcher.fetch(url("/ok"), sha256(ARCHIVE), ARCHIVE.length + 1, tmp.resolve("a.tar.gz")))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_DIGEST_MISMATCH));
  }

  @Test
  void anExpiredUrlIsRejectedWithoutShowingTheSignature() {
    assertThatThrownBy(() -> fetcher.fetch(url("/expired"), "0".repeat(64), 1, tmp.resolve("a.tar.gz")))
        .isInstanceOfSatisfying(KinitroException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_URL_REJECTED);
          assertThat(e.getMessage()).contains("403").doesNotContain("topsecret");
        });
  }

  @Test
  void aServerErrorMeansTheStoreIsUnavailable() {
    assertThatThrownBy(() -> fetcher.fetch(url("/down"), "0".repeat(64), 1, tmp.resolve("a.tar.gz")))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_UNAVAILABLE));
  }

  @Test
  void aClosedPortMeansTheStoreIsUnavailable() {
    URI nowhere = URI.create("http://127.0.0.1:1/x");
    assertThatThrownBy(() -> fetcher.fetch(nowhere, "0".repeat(64), 1, tmp.resolve("a.tar.gz")))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_UNAVAILABLE));
  }

  @Test
  void aStalledDownloadEndsAtTheDownloadTimeout() throws Exception {
    ArtifactFetcher impatient = new ArtifactFetcher(new ArtifactFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(1)),
        watchdog);
    long start = System.nanoTime();
    assertThatThrownBy(() -> impatient.fetch(url("/stall"), sha256(ARCHIVE), ARCHIVE.length, tmp.resolve("a.tar.gz")))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ARTIFACT_UNAVAILABLE));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the server stalls for a minute").isLessThan(Duration.ofSeconds(30));
  }
}
