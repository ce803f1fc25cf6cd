package ai.kinitro.evaluator.runtime.kubernetes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the init containers of an agent pod do, run in this JVM against a real HTTP server. */
class PodInitTest {
  @TempDir
  Path workspace;

  private HttpServer server;
  private byte[] served;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/archive", ex -> {
      ex.sendResponseHeaders(200, served.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(served);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static byte[] tarGz(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(data.length);
      e.setMode(0644);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
      byte[] manifest = "{\"kind\":\"command\",\"command\":[\"python3\",\"main.py\"]}".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry m = new TarArchiveEntry("kinitro-agent.json");
      m.setSize(manifest.length);
      m.setMode(0644);
      tar.putArchiveEntry(m);
      tar.write(manifest);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private Map<String, String> env() throws Exception {
    return Map.of(PodInit.ENV_URL, "http://127.0.0.1:" + server.getAddress().getPort() + "/archive",
        PodInit.ENV_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served)),
        PodInit.ENV_SIZE, Integer.toString(served.length),
        PodInit.ENV_WORKSPACE, workspace.toString());
  }

  @Test
  void fetchChecksAndExtractsTheSubmissionIntoTheWorkspace() throws Exception {
    served = tarGz("main.py", "print('hi')\n");

    Path submission = PodInit.fetch(env());

    assertThat(submission).isEqualTo(workspace.resolve("submission"));
    assertThat(Files.readString(submission.resolve("main.py"))).isEqualTo("print('hi')\n");
    assertThat(submission.resolve("kinitro-agent.json")).exists();
    assertThat(workspace.resolve("download/submission.tar.gz")).doesNotExist();
  }

  @Test
  void anArchiveEscapingItsRootFailsWithTheSameCheckAsInTheEvaluator() throws Exception {
    served = tarGz("../escape.py", "boom");

    assertThatThrownBy(() -> PodInit.fetch(env())).isInstanceOfSatisfying(KinitroException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.ARCHIVE_PATH_TRAVERSAL));
    assertThat(workspace.resolve("submission")).doesNotExist();
  }

  @Test
  void egressCountsAsClosedOnceTheProbeTargetRefusesConnections() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }

    PodInit.awaitEgressClosed(Map.of(PodInit.ENV_PROBE, "127.0.0.1:" + closedPort), Duration.ofMillis(100));
  }

  @Test
  void egressStillOpenAtTheTimeoutFailsTheContainer() {
    String open = "127.0.0.1:" + server.getAddress().getPort();

    assertThatThrownBy(() -> PodInit.awaitEgressClosed(Map.of(PodInit.ENV_PROBE, open,
        PodInit.ENV_LOCK_TIMEOUT_SECONDS, "1"), Duration.ofMillis(100)))
        .isInstanceOfSatisfying(KinitroException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_POD_SETUP_FAILED));
  }
}
