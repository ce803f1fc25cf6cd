package ai.kinitro.desktop.wizard;

import static ai.kinitro.desktop.testing.FxShell.await;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.signing.InMemoryNonceStore;
import ai.kinitro.common.signing.RequestVerifier;
import ai.kinitro.common.signing.SignatureHeaders;
import ai.kinitro.common.wallet.KeyfileContents;
import ai.kinitro.common.wallet.KeyfileWriter;
import ai.kinitro.common.wallet.WalletLocator;
import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.testing.FxShell;
import ai.kinitro.desktop.testing.Samples;
import ai.kinitro.desktop.testing.Screenshots;
import ai.kinitro.desktop.testing.TestBackend;
import ai.kinitro.desktop.testing.TestBackend.Response;
import ai.kinitro.devchain.DevChain;
import ai.kinitro.devchain.DevChainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The miner wizard end to end in the real window: the real miner services (validation, packaging,
 * encrypted hotkey file with the password dialog, signed upload, commit) against the embedded dev
 * chain over its real JSON-RPC WebSocket, and a real HTTP/WebSocket server answering the backend's
 * upload edge exactly (signature verified with the real verifier, a presigned PUT checked like S3)
 * and its realtime channel, which then streams the evaluation the follow step shows.
 */
@ExtendWith(ApplicationExtension.class)
class MinerWizardFxTest {
  private static final String PASSWORD = "correct horse battery";
  private static DevChain devChain;

  private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  private final Map<String, String> grantedSha = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(Samples.SUBMISSION);
  private TestBackend backend;
  private DesktopShell shell;
  private Path agent;
  private Path wallets;

  @BeforeAll
  static void chain() {
    devChain = DevChain.start(DevChainConfig.forTests().withBlockTime(Duration.ofMillis(250)));
  }

  @AfterAll
  static void stopChain() {
    devChain.close();
  }

  @Start
  void start(Stage stage) throws Exception {
    backend = new TestBackend();
    installUploadEdge();
    agent = Files.createTempDirectory("kinitro-agent");
    Files.writeString(agent.resolve("kinitro-agent.json"), "{\"kind\": \"command\", \"command\": [\"python3\", \"agent.py\"]}\n");
    Files.writeString(agent.resolve("agent.py"), "print('a Kinitro agent would serve the agent protocol here')\n");
    wallets = Files.createTempDirectory("kinitro-wallets");
    Sr25519KeyPair dave = SecretUri.parse("//Dave");
    WalletLocator locator = new WalletLocator(wallets, "miner", "default");
    Files.createDirectories(locator.hotkeyPath().getParent());
    KeyfileWriter.writeEncrypted(locator.hotkeyPath(), new KeyfileContents(dave.publicKey(), dave.privateKey(), null, null,
        Ss58.encode(dave.publicKey())), PASSWORD.toCharArray(), false);
    shell = FxShell.open(stage, backend.url(), null);
  }

  @AfterEach
  void stop() {
    shell.close();
    backend.close();
  }

  @Test
  void aMinerValidatesPackagesUploadsCommitsAndFollowsTheEvaluation(FxRobot robot) throws Exception {
    robot.clickOn("Submit an agent");
    await(10, () -> !robot.lookup("#wizard-competition").queryComboBox().getItems().isEmpty());

    write(robot, "#wizard-folder", agent.toString());
    click(robot, "#wizard-use-folder");
    click(robot, "#wizard-validate-run");
    awaitStatus(robot, "validate", "done");
    assertThat(message(robot, "validate")).startsWith("Valid: command python3 agent.py; 2 files");

    click(robot, "#wizard-local-eval-skip");
    awaitStatus(robot, "local-eval", "skipped");

    write(robot, "#wizard-wallets-dir", wallets.toString());
    write(robot, "#wizard-wallet", "miner");
    click(robot, "#wizard-hotkey-run");
    await(20, () -> robot.lookup("#wizard-password").tryQuery().isPresent());
    robot.clickOn("#wizard-password").write(PASSWORD);
    robot.clickOn("OK");
    awaitStatus(robot, "hotkey", "done");
    String dave = Ss58.encode(SecretUri.parse("//Dave").publicKey());
    assertThat(robot.lookup("#wizard-hotkey-address").queryAs(Label.class).getText()).isEqualTo(dave);

    click(robot, "#wizard-package-run");
    awaitStatus(robot, "package", "done");
    click(robot, "#wizard-upload-run");
    awaitStatus(robot, "upload", "done");
    assertThat(robot.lookup("#wizard-upload-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
    String submission = Long.toString(ids.get());
    assertThat(stored.get(submission)).isEqualTo(Files.readAllBytes(agent.resolve("submission.tar.gz")));

    write(robot, "#wizard-chain-url", devChain.url().toString());
    click(robot, "#wizard-commit-run");
    awaitStatus(robot, "commit", "done");
    try (ChainClient chain = SubstrateChainClient.connect(devChain.url())) {
      assertThat(chain.commitment(1, new AccountId(SecretUri.parse("//Dave").publicKey()), BlockRef.best())
          .flatMap(c -> c.firstRawText())).contains("k1:" + Samples.COMPETITION + ":" + submission);
    }

    click(robot, "#wizard-follow-run");
    await(10, () -> backend.subscriptionCount() >= 1);
    long sub = Long.parseLong(submission);
    backend.publish(Samples.received(sub));
    backend.publish(Samples.jobCreated(Samples.JOB, sub));
    await(10, () -> backend.subscriptionCount() >= 2);
    backend.publish(Samples.running(Samples.JOB));
    double[] rewards = {180, 200, 195, 200, 120, 200};
    for (int i = 0; i < rewards.length; i++) {
      backend.publish(Samples.episode(Samples.JOB, sub, i, rewards[i], rewards[i] >= 195));
    }
    await(10, () -> message(robot, "follow").contains("6 episodes finished"));
    backend.publish(Samples.evaluated(Samples.JOB, sub, 182.5, 0.67));
    awaitStatus(robot, "follow", "done");
    assertThat(message(robot, "follow")).startsWith("Evaluation finished. Received at block 5123456");

    Screenshots.saveWhole(robot.lookup("#wizard").queryAs(ScrollPane.class).getContent(), "miner-wizard");
  }

  @Test
  void aFailedUploadSaysWhyAndIsRetriedWithoutRedoingEarlierSteps(FxRobot robot) throws Exception {
    robot.clickOn("Submit an agent");
    await(10, () -> !robot.lookup("#wizard-competition").queryComboBox().getItems().isEmpty());
    write(robot, "#wizard-folder", agent.toString());
    click(robot, "#wizard-use-folder");
    click(robot, "#wizard-validate-run");
    awaitStatus(robot, "validate", "done");
    click(robot, "#wizard-local-eval-skip");
    click(robot, "#wizard-source-uri");
    write(robot, "#wizard-secret-uri", "//Dave");
    click(robot, "#wizard-hotkey-run");
    awaitStatus(robot, "hotkey", "done");
    click(robot, "#wizard-package-run");
    awaitStatus(robot, "package", "done");
    backend.route("POST", "/submissions/request-upload", r -> Response.problem(429, 4310, "UPLOAD_RATE_LIMITED",
        "this hotkey made 3 uploads to competition " + Samples.COMPETITION + " in the last 3600 s; at most 3 are allowed"));

    click(robot, "#wizard-upload-run");

    awaitStatus(robot, "upload", "failed");
    assertThat(message(robot, "upload")).contains("UPLOAD_RATE_LIMITED").contains("wait for the window to pass")
        .contains("Press Retry: the archive and the hotkey are kept.");
    assertThat(status(robot, "package")).isEqualTo("done");
    assertThat(status(robot, "hotkey")).isEqualTo("done");

    installUploadEdge();
    click(robot, "#wizard-upload-run");
    awaitStatus(robot, "upload", "done");
    assertThat(stored).hasSize(1);
  }

  // --- robot helpers --------------------------------------------------------------------------

  /** Scrolls the wizard so the node is in view, then clicks it. */
  private static void click(FxRobot robot, String id) {
    reveal(robot, id);
    robot.clickOn(id);
  }

  private static void write(FxRobot robot, String id, String text) {
    reveal(robot, id);
    robot.interact(() -> robot.lookup(id).queryAs(TextField.class).clear());
    robot.clickOn(id).write(text);
  }

  private static void reveal(FxRobot robot, String id) {
    robot.interact(() -> {
      ScrollPane scroll = robot.lookup("#wizard").queryAs(ScrollPane.class);
      Node content = scroll.getContent();
      Node node = robot.lookup(id).query();
      Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
      double extra = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
      scroll.setVvalue(extra <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / extra)));
    });
  }

  private static String status(FxRobot robot, String step) {
    return robot.lookup("#wizard-" + step + "-status").queryAs(Label.class).getText();
  }

  private static String message(FxRobot robot, String step) {
    return robot.lookup("#wizard-" + step + "-message").queryAs(Label.class).getText();
  }

  private static void awaitStatus(FxRobot robot, String step, String expected) {
    try {
      await(60, () -> status(robot, step).equals(expected));
    } catch (AssertionError e) {
      throw new AssertionError(step + " is " + status(robot, step) + ": " + message(robot, step), e);
    }
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
