package ai.kinitro.desktop.spectator;

import static ai.kinitro.desktop.testing.FxShell.await;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.api.BackendApi;
import ai.kinitro.desktop.api.EpisodeInfo;
import ai.kinitro.desktop.api.StepInfo;
import ai.kinitro.desktop.spectator.viewmodel.FrameView;
import ai.kinitro.desktop.testing.BackendStack;
import ai.kinitro.desktop.testing.FxShell;
import ai.kinitro.desktop.testing.TestValidator;
import ai.kinitro.desktop.wizard.MinerToolkit;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.upload.UploadListener;
import ai.kinitro.miner.upload.UploadResult;
import ai.kinitro.miner.wallet.MinerHotkey;
import ai.kinitro.miner.wallet.HotkeySpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Episode replay from stored frames against the real stack ({@link BackendStack}): Dave uploads and
 * commits for real; Bob, the test validator, renders CartPole frames, stores them as PNGs in the
 * backend's vault bucket (s3proxy) the way the local platform's evaluator does, and logs steps that
 * reference them without URLs. The backend signs the URLs; the dashboard downloads and shows the very
 * pixels Bob stored, steps through them, and says so when a frame has gone from the store.
 */
@ExtendWith(ApplicationExtension.class)
class SpectatorReplayFxTest {
  private static final String BOB = Ss58.encode(SecretUri.parse("//Bob").publicKey());
  private static final String BENCHMARKS = """
      [{"name":"cartpole","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":1,
        "episodes_per_task":2,"max_episode_steps":50,"cameras":["default"],"image_size":84}]""";

  private static BackendStack stack;
  private static TestValidator bob;
  private static String submission;

  private DesktopShell shell;

  @BeforeAll
  static void startStack() throws IOException {
    stack = BackendStack.start("replay");
    String competition = stack.createCompetition("Desktop replay CartPole", BENCHMARKS, 0.5);
    bob = TestValidator.connect(stack.url(), "//Bob", stack.createApiKey("bob-validator", "validator", BOB),
        job -> new TestValidator.Scores(100, 10, true), Duration.ZERO, Optional.of(stack.vaultFrames()));
    submission = submit("//Dave", competition);
    stack.await("/results?submission_id=" + submission, Duration.ofSeconds(90), n -> n.path("total").asInt() == 1,
        "Bob's result for Dave's submission (validator errors " + bob.errors() + ")");
  }

  @AfterAll
  static void stopStack() {
    if (bob != null) {
      bob.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  private static String submit(String secretUri, String competition) throws IOException {
    Path agent = Files.createTempDirectory("kinitro-replay-agent");
    Files.writeString(agent.resolve("kinitro-agent.json"), "{\"kind\": \"command\", \"command\": [\"python3\", \"agent.py\"]}\n");
    Files.writeString(agent.resolve("agent.py"), "print('agent of " + secretUri + "')\n");
    MinerToolkit miner = MinerToolkit.system(BackendApi.defaultHttpClient());
    MinerHotkey hotkey = miner.loadHotkey(new HotkeySpec.DevUri(secretUri), keyfile -> null);
    PackagedSubmission packed = miner.pack(agent, 100_000_000L);
    UploadResult upload = miner.upload(stack.url(), packed, competition, Optional.of("v1"), hotkey, new UploadListener() {});
    miner.commit(stack.chainUrl(), BackendStack.NETUID, hotkey, upload.commitment());
    return upload.submissionId();
  }

  @Start
  void start(Stage stage) {
    shell = FxShell.open(stage, stack.url(), null);
  }

  @AfterEach
  void stop() {
    shell.close();
  }

  @Test
  void theReplayShowsTheFramesTheValidatorStoredStepByStepAndSaysWhenOneIsGone(FxRobot robot) throws IOException {
    TableView<EpisodeInfo> episodes = robot.lookup("#dashboard-episodes").queryTableView();
    await(30, () -> submission.equals(shell.spectator().selectedSubmissionProperty().get()) && episodes.getItems().size() == 2);
    robot.interact(() -> episodes.getSelectionModel().select(0));
    await(20, () -> shell.spectator().steps().size() == TestValidator.FRAME_STEPS);
    assertThat(label(robot, "#dashboard-replay-note").getText()).isEqualTo("6 of 6 logged steps have frames.");

    awaitFrames(() -> shownFrame(robot) != null);
    assertThat(label(robot, "#dashboard-step-note").getText()).isEqualTo("Step 0 · 1 of 6 logged steps");
    assertSamePixels(shownFrame(robot), storedPngOf(shell.spectator().selectedStepProperty().get()));

    // The replay is at the bottom of the dashboard: scroll there to use its buttons.
    robot.interact(() -> robot.lookup("#dashboard").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
    robot.clickOn("#dashboard-step-next");
    awaitFrames(() -> shell.spectator().selectedStepProperty().get().step() == 1 && shownFrame(robot) != null
        && shell.spectator().frames().getFirst().step() == 1);
    assertSamePixels(shownFrame(robot), storedPngOf(shell.spectator().selectedStepProperty().get()));
    assertThat(table(robot).getSelectionModel().getSelectedItem().step()).as("the steps table follows the replay").isEqualTo(1);

    // A frame that is no longer in the store: its signed URL answers 404, the replay says so and goes on.
    StepInfo third = shell.spectator().steps().get(2);
    bob.deleteStoredFrame(third.observationRefs().getFirst().key());
    robot.clickOn("#dashboard-step-next");
    awaitFrames(() -> shell.spectator().frames().size() == 1 && shell.spectator().frames().getFirst().step() == 2
        && shell.spectator().frames().getFirst().state() == FrameView.State.FAILED);
    assertThat(label(robot, "#dashboard-frame-message-default").getText())
        .startsWith("The frame of camera 'default' at step 2 could not be loaded: the frame store answered HTTP 404 for ")
        .endsWith(" (the frame is not in the store)")
        .doesNotContain("X-Amz-Signature");
    robot.clickOn("#dashboard-step-next");
    awaitFrames(() -> shell.spectator().selectedStepProperty().get().step() == 3 && shownFrame(robot) != null
        && shell.spectator().frames().getFirst().step() == 3);
    assertSamePixels(shownFrame(robot), storedPngOf(shell.spectator().selectedStepProperty().get()));
  }

  /** Waits for the replay's frames; on a timeout, says what the replay shows. */
  private void awaitFrames(java.util.function.BooleanSupplier condition) {
    try {
      await(20, condition);
    } catch (AssertionError e) {
      throw new AssertionError("the replay shows " + shell.spectator().frames() + " at "
          + shell.spectator().stepNoteProperty().get() + "\n" + stack.tail(), e);
    }
  }

  private static Image shownFrame(FxRobot robot) {
    return robot.lookup("#dashboard-frame-default").tryQueryAs(ImageView.class).map(ImageView::getImage).orElse(null);
  }

  private static byte[] storedPngOf(StepInfo step) {
    StepInfo.Frame ref = step.observationRefs().getFirst();
    assertThat(ref.url()).as("the backend signed a URL for the frame in its vault bucket").isPresent();
    byte[] png = bob.storedFrames().get(ref.key());
    assertThat(png).as("Bob stored " + ref.key()).isNotNull();
    return png;
  }

  private static void assertSamePixels(Image shown, byte[] png) throws IOException {
    BufferedImage expected = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(List.of((int) shown.getWidth(), (int) shown.getHeight()))
        .containsExactly(TestValidator.FRAME_SIZE, TestValidator.FRAME_SIZE);
    int[] actual = new int[expected.getWidth() * expected.getHeight()];
    int[] wanted = new int[actual.length];
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        actual[y * expected.getWidth() + x] = shown.getPixelReader().getArgb(x, y);
        wanted[y * expected.getWidth() + x] = expected.getRGB(x, y);
      }
    }
    assertThat(actual).isEqualTo(wanted);
  }

  @SuppressWarnings("unchecked")
  private static TableView<StepInfo> table(FxRobot robot) {
    return robot.lookup("#dashboard-steps").queryAs(TableView.class);
  }

  private static Label label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class);
  }
}
