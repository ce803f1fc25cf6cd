package ai.kinitro.desktop.wizard;

import static ai.kinitro.desktop.testing.FxShell.await;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.signing.InMemoryNonceStore;
import ai.kinitro.common.signing.RequestVerifier;
import ai.kinitro.common.signing.SignatureHeaders;
import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.testing.FxShell;
import ai.kinitro.desktop.testing.Samples;
import ai.kinitro.desktop.testing.TestBackend;
import ai.kinitro.desktop.testing.TestBackend.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A refused upload that then succeeds, which the real backend cannot do on demand: a stand-in
 * server answers the backend's upload edge exactly (the signed request checked with the real
 * verifier, a presigned PUT checked like S3 does) and first refuses with the backend's 429 problem.
 * The wizard says why and retries the upload alone. The whole wizard against the real backend is
 * {@link MinerWizardFxTest}.
 */
@ExtendWith(ApplicationExtension.class)
class MinerWizardUploadRetryFxTest {
  private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  private final Map<String, String> grantedSha = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(Samples.SUBMISSION);
  private TestBackend backend;
  private DesktopShell shell;
  private Path agent;

  @Start
  void start(Stage stage) throws Exception {
    backend = new TestBackend();
    installUploadEdge();
    agent = Files.createTempDirectory("kinitro-agent");
    Files.writeString(agent.resolve("kinitro-agent.json"), "{\"kind\": \"command\", \"command\": [\"python3\", \"agent.py\"]}\n");
    Files.writeString(agent.resolve("agent.py"), "print('a Kinitro agent would serve the agent protocol here')\n");
    shell = FxShell.open(stage, backend.url(), null);
  }

  @AfterEach
  void stop() {
    shell.close();
    backend.close();
  }

  @Test
  void aFailedUploadSaysWhyAndIsRetriedWithoutRedoingEarlierSteps(FxRobot robot) throws Exception {
    WizardRobot wizard = new WizardRobot(robot);
    robot.clickOn("Submit an agent");
    await(10, () -> !robot.lookup("#wizard-competition").queryComboBox().getItems().isEmpty());
    wizard.write("#wizard-folder", agent.toString());
    wizard.click("#wizard-use-folder");
    wizard.click("#wizard-validate-run");
    wizard.awaitStatus("validate", "done");
    assertThat(wizard.message("validate")).startsWith("Valid: command python3 agent.py; 2 files");
    wizard.click("#wizard-local-eval-skip");
    wizard.awaitStatus("local-eval", "skipped");
    wizard.click("#wizard-source-uri");
    wizard.write("#wizard-secret-uri", "//Dave");
    wizard.click("#wizard-hotkey-run");
    wizard.awaitStatus("hotkey", "done");
    wizard.click("#wizard-package-run");
    wizard.awaitStatus("package", "done");
    backend.route("POST", "/submissions/request-upload", r -> Response.problem(429, 4310, "UPLOAD_RATE_LIMITED",
        "this hotkey made 3 uploads to competition " + Samples.COMPETITION + " in the last 3600 s; at most 3 are allowed"));

    wizard.click("#wizard-upload-run");

    wizard.awaitStatus("upload", "failed");
    assertThat(wizard.message("upload")).contains("UPLOAD_RATE_LIMITED").contains("wait for the window to pass")
        .contains("Press Retry: the archive and the hotkey are kept.");
    assertThat(wizard.status("package")).isEqualTo("done");
    assertThat(wizard.status("hotkey")).isEqualTo("done");

    installUploadEdge();
    wizard.click("#wizard-upload-run");
    wizard.awaitStatus("upload", "done");
    assertThat(stored).hasSize(1);
    assertThat(stored.values().iterator().next()).isEqualTo(Files.readAllBytes(agent.resolve("submission.tar.gz")));
  }

  // --- the backend's upload edge and object store ----------------------------------------------

  private void installUploadEdge() {
    RequestVerifier verifier = new RequestVerifier("kinitro/submission-upload", Sr25519::verify,
        new InMemoryNonceStore(Clock.systemUTC()), Clock.systemUTC());
    backend.route("GET", "/competitions", r -> Response.page(List.of(competitionJson())));
    backend.route("GET", "/competitions/(\\d+)", r -> Response.ok(competitionJson()));
    backend.route("POST", "/submissions/request-upload", r -> {
      JsonNode n = r.json();
      String hotkey;
      try {
        hotkey = verifier.verify("POST", r.path(), r.body(), SignatureHeaders.Lookup.of(r.headers())).hotkey();
      } catch (ai.kinitro.common.error.KinitroException e) {
        return Response.problem(401, e.code().number(), e.code().name(), e.getMessage());
      }
      String id = Long.toString(ids.incrementAndGet());
      String sha = n.path("artifact_sha256").asString();
      grantedSha.put(id, sha);
      ObjectNode t = TestBackend.JSON.createObjectNode();
      t.put("submission_id", id);
      t.put("upload_url", backend.url() + "/store/" + id + "?X-Amz-Signature=" + hotkey.substring(0, 8));
      t.put("method", "PUT");
      ObjectNode h = t.putObject("headers");
      h.put("Content-Length", n.path("artifact_size_bytes").asString());
      h.put("Content-Type", "application/gzip");
      h.put("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)));
      t.put("expires_at", Instant.now().plusSeconds(600).toString());
      t.put("commitment", "k1:" + n.path("competition_id").asString() + ":" + id);
      return Response.json(201, t);
    });
    backend.route("PUT", "/store/(\\d+)", r -> {
      String id = r.group(1);
      String expected = grantedSha.get(id);
      String checksum = r.headers().get("x-amz-checksum-sha256");
      if (expected == null || !Base64.getEncoder().encodeToString(HexFormat.of().parseHex(expected)).equals(checksum)) {
        return new Response(403, "application/xml", "<Error><Code>SignatureDoesNotMatch</Code></Error>".getBytes());
      }
      if (!HexFormat.of().formatHex(sha256(r.body())).equals(expected)) {
        return new Response(400, "application/xml", "<Error><Code>BadDigest</Code></Error>".getBytes());
      }
      stored.put(id, r.body());
      return new Response(200, "application/xml", new byte[0]);
    });
  }

  private static ObjectNode competitionJson() {
    ObjectNode c = TestBackend.JSON.createObjectNode();
    c.put("id", Samples.COMPETITION);
    c.put("name", "Classic control");
    c.set("benchmarks", Samples.benchmarks());
    c.put("points", 100);
    c.put("active", true);
    c.put("submission_holdout_seconds", 300);
    c.put("submission_max_size_bytes", 10_000_000);
    return c;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
