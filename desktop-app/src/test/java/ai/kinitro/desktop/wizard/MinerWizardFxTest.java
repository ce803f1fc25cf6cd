package ai.kinitro.desktop.wizard;

import static ai.kinitro.desktop.testing.FxShell.await;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.chain.AccountId;
import ai.kinitro.common.chain.client.BlockRef;
import ai.kinitro.common.chain.client.ChainClient;
import ai.kinitro.common.chain.client.SubstrateChainClient;
import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Sr25519KeyPair;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.common.wallet.KeyfileContents;
import ai.kinitro.common.wallet.KeyfileWriter;
import ai.kinitro.common.wallet.WalletLocator;
import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.api.SubmissionRank;
import ai.kinitro.desktop.spectator.viewmodel.JobProgress;
import ai.kinitro.desktop.testing.BackendStack;
import ai.kinitro.desktop.testing.FxShell;
import ai.kinitro.desktop.testing.Screenshots;
import ai.kinitro.desktop.testing.TestValidator;
import ai.kinitro.miner.template.AgentTemplate;
import ai.kinitro.miner.template.AgentTemplates;
import ai.kinitro.testsupport.agent.TestAgentProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tools.jackson.databind.JsonNode;

/**
 * The miner wizard end to end in the real window against the real stack ({@link BackendStack}: the
 * backend's executable jar, s3proxy, the dev chain): a Java-template agent built from {@code
 * kinitro-miner init}, validated, evaluated locally in the sandbox with the chart growing episode by
 * episode, Dave's encrypted hotkey file opened through the password dialog, packaged, uploaded
 * (signed request, presigned PUT into s3proxy), committed on the dev chain, and followed live while
 * the backend's chain monitor creates the submission and its job and a validator (Bob, over the real
 * {@code /ws/validator}) reports episodes and the result. The backend's REST API confirms it all,
 * and the dashboard shows the same submission, job and episodes.
 */
@ExtendWith(ApplicationExtension.class)
class MinerWizardFxTest {
  private static final String PASSWORD = "correct horse battery";
  private static final String DAVE = Ss58.encode(SecretUri.parse("//Dave").publicKey());
  private static final String BOB = Ss58.encode(SecretUri.parse("//Bob").publicKey());
  /** Three seeded CartPole variants, one short episode each: the local run and the validator's job have three episodes. */
  private static final String BENCHMARKS = """
      [{"name":"cartpole","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":3,
        "episodes_per_task":1,"max_episode_steps":50,"cameras":["default"],"image_size":84}]""";

  private static BackendStack stack;
  private static String competition;
  private static TestValidator bob;

  private DesktopShell shell;
  private Path agent;
  private Path wallets;

  @BeforeAll
  static void startStack() {
    stack = BackendStack.start("wizard");
    competition = stack.createCompetition("Desktop wizard CartPole", BENCHMARKS, 0.0);
    String key = stack.createApiKey("bob-validator", "validator", BOB);
    bob = TestValidator.connect(stack.url(), "//Bob", key, job -> new TestValidator.Scores(40, 5, true), Duration.ofMillis(400));
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

  @Start
  void start(Stage stage) throws Exception {
    agent = Files.createTempDirectory("kinitro-agent").resolve("agent");
    AgentTemplates.create(agent, AgentTemplate.JAVA, new AgentTemplates.Options(TestAgentProject.JAVA, null));
    TestAgentProject.build(agent);
    wallets = Files.createTempDirectory("kinitro-wallets");
    Sr25519KeyPair dave = SecretUri.parse("//Dave");
    WalletLocator locator = new WalletLocator(wallets, "miner", "default");
    Files.createDirectories(locator.hotkeyPath().getParent());
    KeyfileWriter.writeEncrypted(locator.hotkeyPath(), new KeyfileContents(dave.publicKey(), dave.privateKey(), null, null,
        DAVE), PASSWORD.toCharArray(), false);
    shell = FxShell.open(stage, stack.url(), null);
  }

  @AfterEach
  void stop() {
    if (shell != null) {
      shell.close();
    }
  }

  @Test
  void aMinerValidatesEvaluatesLocallyPackagesUploadsCommitsAndFollowsTheEvaluationOnTheRealBackend(FxRobot robot)
      throws Exception {
    WizardRobot wizard = new WizardRobot(robot);
    robot.clickOn("Submit an agent");
    await(20, () -> !robot.lookup("#wizard-competition").queryComboBox().getItems().isEmpty());
    @SuppressWarnings("unchecked")
    ComboBox<CompetitionInfo> competitions = robot.lookup("#wizard-competition").queryAs(ComboBox.class);
    assertThat(competitions.getValue().id()).isEqualTo(competition);

    wizard.write("#wizard-folder", agent.toString());
    wizard.click("#wizard-use-folder");
    wizard.click("#wizard-validate-run");
    wizard.awaitStatus("validate", "done");
    assertThat(wizard.message("validate")).startsWith("Valid: command " + TestAgentProject.JAVA);

    // The local run's chart grows episode by episode while the step is still running.
    List<String> chartUpdates = new CopyOnWriteArrayList<>();
    ChartViewer localChart = chart(robot, "Local evaluation");
    robot.interact(() -> ((XYPlot) localChart.getChart().getPlot()).getDataset(0).addChangeListener(e -> {
      int points = ((XYPlot) localChart.getChart().getPlot()).getDataset(0).getItemCount(0);
      if (points > 0) {
        chartUpdates.add(points + " " + wizard.status("local-eval"));
      }
    }));
    wizard.click("#wizard-local-eval-run");
    wizard.awaitStatus("local-eval", "done", 240);
    assertThat(wizard.message("local-eval")).startsWith("Finished: 3 episodes").contains(".kinitro/miner_runs");
    assertThat(chartUpdates).containsExactly("1 running", "2 running", "3 running");
    assertThat(agent.resolve(".kinitro/miner_runs")).isNotEmptyDirectory();

    wizard.write("#wizard-wallets-dir", wallets.toString());
    wizard.write("#wizard-wallet", "miner");
    wizard.click("#wizard-hotkey-run");
    await(20, () -> robot.lookup("#wizard-password").tryQuery().isPresent());
    robot.clickOn("#wizard-password").write(PASSWORD);
    robot.clickOn("OK");
    wizard.awaitStatus("hotkey", "done");
    assertThat(robot.lookup("#wizard-hotkey-address").queryAs(Label.class).getText()).isEqualTo(DAVE);

    wizard.click("#wizard-package-run");
    wizard.awaitStatus("package", "done");
    wizard.click("#wizard-upload-run");
    wizard.awaitStatus("upload", "done");
    assertThat(robot.lookup("#wizard-upload-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
    Matcher stored = Pattern.compile("Stored as submission (\\d+) \\(version (\\S+)\\)").matcher(wizard.message("upload"));
    assertThat(stored.find()).as(wizard.message("upload")).isTrue();
    String submission = stored.group(1);

    wizard.write("#wizard-chain-url", stack.chainUrl().toString());
    wizard.click("#wizard-commit-run");
    wizard.awaitStatus("commit", "done");
    try (ChainClient chain = SubstrateChainClient.connect(stack.chainUrl())) {
      assertThat(chain.commitment(BackendStack.NETUID, new AccountId(SecretUri.parse("//Dave").publicKey()), BlockRef.best())
          .flatMap(c -> c.firstRawText())).contains("k1:" + competition + ":" + submission);
    }

    wizard.click("#wizard-follow-run");
    try {
      wizard.awaitStatus("follow", "done", 120);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nvalidator: " + bob.errors() + "\n" + stack.tail(), e);
    }
    assertThat(wizard.message("follow")).startsWith("Evaluation finished. Received at block ")
        .contains("1 job, 3 episodes finished, mean reward 45.00, success rate 100 %");
    String shortBob = BOB.substring(0, 6) + "…" + BOB.substring(BOB.length() - 4);
    assertThat(robot.lookup("#wizard-follow-jobs").queryListView().getItems())
        .containsExactly("cartpole: COMPLETED on " + shortBob + "; " + shortBob + ": avg reward 45.00, success 100 %");
    assertThat(chart(robot, "Evaluation (live)").getChart().getXYPlot().getDataset(0).getItemCount(0)).isEqualTo(3);

    // What the backend now holds, through its public REST API.
    JsonNode s = stack.get("/submissions/" + submission);
    assertThat(List.of(s.path("miner_hotkey").asString(), s.path("competition_id").asString(), s.path("version").asString()))
        .containsExactly(DAVE, competition, stored.group(2));
    JsonNode jobs = stack.get("/jobs?submission_id=" + submission).path("items");
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).path("benchmark_name").asString()).isEqualTo("cartpole");
    JsonNode results = stack.get("/results?submission_id=" + submission).path("items");
    assertThat(results).hasSize(1);
    assertThat(List.of(results.get(0).path("validator_hotkey").asString(), results.get(0).path("status").asString(),
        results.get(0).path("avg_reward").asString())).containsExactly(BOB, "COMPLETED", "45.0");
    assertThat(stack.get("/episodes?submission_id=" + submission).path("total").asInt()).isEqualTo(3);

    Screenshots.saveWhole(robot.lookup("#wizard").queryAs(ScrollPane.class).getContent(), "miner-wizard");

    // Spectators see the same evaluation on the dashboard: the backend's leaderboard, its live jobs and stored episodes.
    robot.clickOn("Dashboard");
    TableView<SubmissionRank> ranks = robot.lookup("#dashboard-ranks").queryTableView();
    await(30, () -> ranks.getItems().size() == 1);
    SubmissionRank rank = ranks.getItems().getFirst();
    assertThat(List.of(rank.submissionId(), rank.minerHotkey(), rank.avgReward().map(String::valueOf).orElse("none")))
        .containsExactly(submission, DAVE, "45.0");
    robot.interact(() -> ranks.getSelectionModel().select(0));
    await(30, () -> robot.lookup("#dashboard-chart").queryAs(ChartViewer.class).getChart().getXYPlot().getDataset(0)
        .getItemCount(0) == 3);
    TableView<JobProgress> live = robot.lookup("#dashboard-jobs").queryTableView();
    await(30, () -> live.getItems().size() == 1 && live.getItems().getFirst().episodesDone() == 3);
  }

  private static ChartViewer chart(FxRobot robot, String title) {
    return robot.lookup(n -> n instanceof ChartViewer v && v.getChart().getTitle().getText().equals(title))
        .queryAs(ChartViewer.class);
  }
}
