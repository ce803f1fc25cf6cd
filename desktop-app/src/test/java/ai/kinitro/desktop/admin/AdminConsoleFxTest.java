package ai.kinitro.desktop.admin;

import static ai.kinitro.desktop.testing.FxShell.await;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.crypto.SecretUri;
import ai.kinitro.common.crypto.Ss58;
import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.api.BackendApi;
import ai.kinitro.desktop.api.LeaderCandidate;
import ai.kinitro.desktop.testing.BackendStack;
import ai.kinitro.desktop.testing.FxShell;
import ai.kinitro.desktop.testing.Screenshots;
import ai.kinitro.desktop.testing.TestValidator;
import ai.kinitro.desktop.wizard.MinerToolkit;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.upload.UploadListener;
import ai.kinitro.miner.upload.UploadResult;
import ai.kinitro.miner.wallet.HotkeySpec;
import ai.kinitro.miner.wallet.MinerHotkey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/**
 * The admin console in the real window against the real backend ({@link BackendStack}). Two miners,
 * Dave and Eve, upload and commit for real (the miner services, s3proxy, the dev chain); Bob, a
 * validator with a permit on the dev chain, reports their results over the real {@code
 * /ws/validator}; the backend's own score cycle turns the best into a pending leader candidate. A
 * robot rejects Dave's candidate with a note; the backend then queues Eve's, which arrives by a
 * realtime event, and the robot approves it with a note. The backend's audit trail and leader are
 * checked through its REST API; then Ferdie's better submission becomes a candidate shown beside
 * Eve, the new leader.
 */
@ExtendWith(ApplicationExtension.class)
class AdminConsoleFxTest {
  private static final String BOB = Ss58.encode(SecretUri.parse("//Bob").publicKey());
  private static final String DAVE = Ss58.encode(SecretUri.parse("//Dave").publicKey());
  private static final String EVE = Ss58.encode(SecretUri.parse("//Eve").publicKey());
  private static final String FERDIE = Ss58.encode(SecretUri.parse("//Ferdie").publicKey());
  private static final String BENCHMARKS = """
      [{"name":"cartpole","suite":"classic","tasks":["classic/CartPole-v1"],"variants_per_task":2,
        "episodes_per_task":1,"max_episode_steps":50,"cameras":["default"],"image_size":84}]""";
  /**
   * What Bob reports for each miner's job (mean rewards 301, 251 and 321): Dave's scores best;
   * Ferdie, who submits later, beats Eve by more than the 5 % margin.
   */
  private static final Map<String, TestValidator.Scores> SCORES = Map.of(DAVE, new TestValidator.Scores(300, 2, true),
      EVE, new TestValidator.Scores(250, 2, true), FERDIE, new TestValidator.Scores(320, 2, true));

  private static BackendStack stack;
  private static String competition;
  private static TestValidator bob;
  private static Map<String, String> submissions;

  private DesktopShell shell;

  @BeforeAll
  static void startStack() throws IOException {
    stack = BackendStack.start("admin");
    competition = stack.createCompetition("Desktop admin CartPole", BENCHMARKS, 0.5);
    bob = TestValidator.connect(stack.url(), "//Bob", stack.createApiKey("bob-validator", "validator", BOB),
        job -> SCORES.get(job.minerHotkey()), Duration.ZERO);
    submissions = Map.of(DAVE, submit("//Dave"), EVE, submit("//Eve"));
    stack.await("/admin/leader-candidates?status=pending", Duration.ofSeconds(90), n -> n.path("total").asInt() == 1,
        "Dave's pending leader candidate (validator errors " + bob.errors() + ")");
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

  /** Packs, uploads and commits an agent for the miner with the miner services, as the wizard does. */
  private static String submit(String secretUri) throws IOException {
    Path agent = Files.createTempDirectory("kinitro-admin-agent");
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
    shell = FxShell.open(stage, stack.url(), stack.adminKey());
  }

  @AfterEach
  void stop() {
    shell.close();
  }

  @Test
  void anAdminRejectsOneCandidateAndApprovesTheNextWithNotesAndTheBackendKeepsTheAuditTrail(FxRobot robot)
      throws IOException {
    String daveCandidate = candidateOf(DAVE);
    robot.clickOn("Admin console");
    await(20, () -> table(robot, "#admin-candidates").getItems().size() == 1);
    await(20, () -> label(robot, "#admin-compare-candidate-1").getText().equals(submissions.get(DAVE)));
    assertThat(label(robot, "#admin-compare-leader-0").getText()).isEqualTo("no leader yet");
    await(20, () -> table(robot, "#admin-candidate-results").getItems().size() == 1);
    await(20, () -> table(robot, "#admin-episodes").getItems().size() == 2);

    robot.clickOn("#admin-note").write("reward does not reproduce");
    robot.clickOn("#admin-reject");
    await(20, () -> label(robot, "#admin-candidates-feedback").getText().startsWith("Rejected candidate " + daveCandidate));

    // The backend's next score cycle queues Eve; the console reloads on the realtime event.
    await(60, () -> table(robot, "#admin-candidates").getItems().size() == 2);
    String eveCandidate = candidateOf(EVE);
    robot.interact(() -> this.<LeaderCandidate>table(robot, "#admin-candidates").getSelectionModel().select(
        this.<LeaderCandidate>table(robot, "#admin-candidates").getItems().stream().filter(c -> c.id().equals(eveCandidate))
            .findFirst().orElseThrow()));
    await(20, () -> label(robot, "#admin-compare-candidate-1").getText().equals(submissions.get(EVE)));
    robot.clickOn("#admin-note").write("verified on the validator's episodes");
    robot.clickOn("#admin-approve");
    await(20, () -> label(robot, "#admin-candidates-feedback").getText().startsWith("Approved candidate " + eveCandidate));
    await(20, () -> label(robot, "#admin-compare-candidate-6").getText().startsWith("approved"));

    assertThat(reviews(daveCandidate)).containsExactly("pending -> rejected by desktop-admin: reward does not reproduce");
    assertThat(reviews(eveCandidate)).containsExactly("pending -> approved by desktop-admin: verified on the validator's episodes");
    JsonNode c = stack.get("/competitions/" + competition);
    assertThat(List.of(c.path("current_leader_hotkey").asString(), c.path("current_leader_candidate_id").asString()))
        .containsExactly(EVE, eveCandidate);

    // A challenger: Ferdie beats the new leader by more than the margin and is shown beside Eve.
    String ferdieSubmission = submit("//Ferdie");
    String ferdieCandidate = candidateOf(FERDIE);
    await(60, () -> table(robot, "#admin-candidates").getItems().size() == 3);
    assertThat(this.<LeaderCandidate>table(robot, "#admin-candidates").getItems().getFirst().id()).as("pending first")
        .isEqualTo(ferdieCandidate);
    robot.interact(() -> this.<LeaderCandidate>table(robot, "#admin-candidates").getSelectionModel().select(0));
    await(20, () -> label(robot, "#admin-compare-candidate-1").getText().equals(ferdieSubmission)
        && label(robot, "#admin-compare-leader-1").getText().equals(submissions.get(EVE))
        && table(robot, "#admin-candidate-results").getItems().size() == 1
        && table(robot, "#admin-leader-results").getItems().size() == 1 && table(robot, "#admin-episodes").getItems().size() == 2);
    assertThat(List.of(label(robot, "#admin-compare-candidate-2").getText(), label(robot, "#admin-compare-leader-2").getText()))
        .containsExactly("321.00", "251.00");
    Screenshots.save(robot, robot.window(0).getScene().getRoot(), "admin-console");
  }

  @Test
  void aNewApiKeysSecretIsShownOnceAndTheBackendAcceptsIt(FxRobot robot) {
    robot.clickOn("Admin console");
    robot.clickOn("API keys");
    robot.clickOn("#admin-key-name").write("viewer-dashboard");
    robot.interact(() -> robot.lookup("#admin-key-role").queryComboBox().getSelectionModel().select("viewer"));
    robot.clickOn("#admin-key-create");

    await(20, () -> robot.lookup("#admin-key-secret").queryAs(TextField.class).getText().startsWith("kin_"));
    String secret = robot.lookup("#admin-key-secret").queryAs(TextField.class).getText();
    JsonNode listed = StreamSupport.stream(stack.get("/admin/api-keys").path("items").spliterator(), false)
        .filter(k -> k.path("name").asString().equals("viewer-dashboard")).findFirst().orElseThrow();
    assertThat(List.of(listed.path("role").asString(), Boolean.toString(secret.startsWith(listed.path("key_prefix").asString())),
        Boolean.toString(listed.has("api_key")))).containsExactly("viewer", "true", "false");

    robot.clickOn("I have copied it");
    await(10, () -> robot.lookup("#admin-key-secret").queryAs(TextField.class).getText().isEmpty()
        && !robot.lookup("#admin-key-secret").queryAs(TextField.class).getParent().isVisible());
  }

  private static String candidateOf(String miner) {
    JsonNode page = stack.await("/admin/leader-candidates?miner_hotkey=" + miner, Duration.ofSeconds(60),
        n -> n.path("total").asInt() == 1, "the leader candidate of " + miner);
    return page.path("items").get(0).path("id").asString();
  }

  /** The candidate's audit trail from {@code GET /admin/leader-candidates/{id}}. */
  private static List<String> reviews(String candidate) {
    return StreamSupport.stream(stack.get("/admin/leader-candidates/" + candidate).path("reviews").spliterator(), false)
        .map(r -> r.path("from_status").asString() + " -> " + r.path("to_status").asString() + " by "
            + r.path("reviewer_name").asString() + ": " + r.path("reason").asString())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private <T> TableView<T> table(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TableView.class);
  }

  private static Label label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class);
  }
}
