package ai.kinitro.desktop.admin;

import static ai.kinitro.desktop.testing.FxShell.await;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.testing.FxShell;
import ai.kinitro.desktop.testing.Samples;
import ai.kinitro.desktop.testing.TestBackend;
import ai.kinitro.desktop.testing.TestBackend.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin console in the real window against a stand-in HTTP/WebSocket server answering the admin
 * API as the backend does, for what the real backend cannot do on demand: another admin reviewing
 * the selected candidate a moment before this one does (the backend's 409 refusal, then a reload),
 * a candidate event published at a chosen moment, and a backend too slow to answer. Approving and
 * rejecting against the real backend is {@link AdminConsoleFxTest}.
 */
@ExtendWith(ApplicationExtension.class)
class AdminConsoleStandInFxTest {
  private static final String KEY = "kin_admin_test_key";
  private final Map<String, ObjectNode> candidates = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> keys = new java.util.concurrent.ConcurrentSkipListMap<>();
  private TestBackend backend;
  private DesktopShell shell;

  @Start
  void start(Stage stage) {
    backend = new TestBackend();
    candidates.put("16", candidate("16", "500", "approved", 300, 0.7));
    candidates.put("17", candidate("17", "501", "pending", 412.5, 0.8));
    candidates.put("18", candidate("18", "502", "pending", 250.0, 0.6));
    keys.put("1", key("1", "ops", "admin", null));
    keys.put("2", key("2", "bob-validator", "validator", null).put("active", false));
    install(backend);
    shell = FxShell.open(stage, backend.url(), KEY);
  }

  @AfterEach
  void stop() {
    shell.close();
    backend.close();
  }

  @Test
  void aReviewTheBackendRefusesShowsItsReasonAndANewCandidateEventReloadsTheList(FxRobot robot) {
    robot.clickOn("Admin console");
    await(10, () -> table(robot, "#admin-candidates").getItems().size() == 3);
    candidates.get("18").put("status", "rejected"); // another admin was faster

    robot.clickOn("#admin-approve");

    await(10, () -> label(robot, "#admin-candidates-feedback").getText()
        .equals("Could not change candidate 18: Leader candidate 18 was already rejected (error 1506 CANDIDATE_ALREADY_REVIEWED)"));

    candidates.put("19", candidate("19", "503", "pending", 600, 0.9));
    await(10, () -> backend.subscriptionCount() >= 2);
    backend.publish(new EventPayload.LeaderCandidateCreated(19, Samples.COMPETITION, Samples.MINER, Samples.JOB, 600, 0.9,
        Samples.T0));
    await(10, () -> table(robot, "#admin-candidates").getItems().size() == 4);
  }

  @Test
  void anInactiveKeyIsActivatedAndAValidatorKeyIsCreatedForItsHotkeyWithAnExpiry(FxRobot robot) {
    robot.clickOn("Admin console");
    robot.clickOn("API keys");
    await(10, () -> table(robot, "#admin-keys").getItems().size() == 2);
    robot.interact(() -> table(robot, "#admin-keys").getSelectionModel().select(1));

    robot.clickOn("#admin-key-activate");

    await(10, () -> label(robot, "#admin-keys-feedback").getText().startsWith("Activated key 'bob-validator'"));
    assertThat(backend.requests()).extracting(TestBackend.Request::path).contains("/admin/api-keys/2/activate");

    robot.clickOn("#admin-key-name").write("validator-eu-1");
    robot.clickOn("#admin-key-hotkey").write(Samples.VALIDATOR);
    robot.interact(() -> robot.lookup("#admin-key-expires").queryAs(javafx.scene.control.DatePicker.class)
        .setValue(java.time.LocalDate.of(2027, 1, 31)));
    robot.clickOn("#admin-key-create");

    await(10, () -> robot.lookup("#admin-key-secret").queryAs(javafx.scene.control.TextField.class).getText()
        .equals("kin_3ab_secret"));
    TestBackend.Request create = backend.requests().stream().filter(q -> q.method().equals("POST")).findFirst().orElseThrow();
    assertThat(create.json().path("associated_hotkey").asString()).isEqualTo(Samples.VALIDATOR);
    assertThat(create.json().path("expires_at").asString()).endsWith("Z").startsWith("2027-01-3");
  }

  @Test
  void theFxThreadStaysResponsiveWhileTheAdminConsoleWaitsForASlowBackend(FxRobot robot) throws Exception {
    backend.holdResponses();
    try {
      robot.clickOn("Admin console");
      Thread.sleep(300);
      for (int i = 0; i < 5; i++) {
        CountDownLatch ran = new CountDownLatch(1);
        Platform.runLater(ran::countDown);
        assertThat(ran.await(3, TimeUnit.SECONDS)).as("FX thread answered while the backend held its answer").isTrue();
        Thread.sleep(200);
      }
      assertThat(table(robot, "#admin-candidates").getItems()).isEmpty();
    } finally {
      backend.releaseResponses();
    }
    await(15, () -> table(robot, "#admin-candidates").getItems().size() == 3);
  }

  // --- the backend's admin API, in memory ---------------------------------------------------

  private void install(TestBackend b) {
    b.route("GET", "/admin/leader-candidates", r -> Response.page(candidates.values().stream()
        .sorted(java.util.Comparator.comparing(n -> n.path("id").asString())).toList()));
    b.route("GET", "/admin/leader-candidates/(\\d+)", r -> candidates.containsKey(r.group(1))
        ? Response.ok(candidates.get(r.group(1))) : Response.problem(404, 1001, "NOT_FOUND", "no candidate " + r.group(1)));
    b.route("POST", "/admin/leader-candidates/(\\d+)/(approve|reject|unapprove)", r -> {
      ObjectNode c = candidates.get(r.group(1));
      String action = r.group(2);
      String reason = r.body().length == 0 ? "" : r.json().path("reason").asString("");
      String from = action.equals("unapprove") ? "approved" : "pending";
      if (!c.path("status").asString().equals(from)) {
        return Response.problem(409, 1506, "CANDIDATE_ALREADY_REVIEWED", "Leader candidate " + r.group(1) + " was already "
            + c.path("status").asString());
      }
      c.put("status", switch (action) {
        case "approve" -> "approved";
        case "reject" -> "rejected";
        default -> "pending";
      });
      c.put("status_reason", reason);
      return Response.ok(c);
    });
    b.route("GET", "/competitions", r -> Response.page(List.of(competition())));
    b.route("GET", "/competitions/(\\d+)", r -> Response.ok(competition()));
    b.route("GET", "/results", r -> {
      String sub = r.query().get("submission_id");
      List<ObjectNode> rows = new ArrayList<>();
      rows.add(result(sub, Samples.VALIDATOR, 410));
      if (!sub.equals("500")) {
        rows.add(result(sub, Samples.VALIDATOR_2, 415));
      }
      return Response.page(rows);
    });
    b.route("GET", "/episodes", r -> Response.page(List.of(episode(r.query().getOrDefault("submission_id", "501"), 0),
        episode(r.query().getOrDefault("submission_id", "501"), 1))));
    b.route("GET", "/admin/api-keys", r -> Response.page(List.of(keys.values().toArray())));
    b.route("PATCH", "/admin/api-keys/(\\d+)/activate", r -> Response.ok(keys.get(r.group(1)).put("active", true)));
    b.route("POST", "/admin/api-keys", r -> {
      ObjectNode created = key("3", r.json().path("name").asString(), r.json().path("role").asString(), "kin_3ab_secret");
      created.set("associated_hotkey", r.json().path("associated_hotkey"));
      created.set("expires_at", r.json().path("expires_at"));
      return Response.json(201, created.toString());
    });
    b.route("GET", "/validators", r -> Response.page(List.of(validator())));
    b.route("GET", "/jobs", r -> Response.page(List.of()));
    b.route("GET", "/competitions/leaderboard", r -> Response.ok("{\"total_competitions\":1,\"total_points\":100,"
        + "\"burn_share\":0.98,\"leaders\":[],\"competitions\":[]}"));
    b.route("GET", "/leaderboards/submissions", r -> Response.page(List.of()));
    b.route("GET", "/weights", r -> Response.problem(404, 1509, "NO_WEIGHTS_YET", "No weights have been computed yet"));
  }

  private static ObjectNode candidate(String id, String submission, String status, double reward, double success) {
    ObjectNode n = TestBackend.JSON.createObjectNode();
    n.put("id", id);
    n.put("competition_id", Samples.COMPETITION);
    n.put("submission_id", submission);
    n.put("miner_hotkey", Samples.MINER);
    n.put("avg_reward", reward);
    n.put("success_rate", success);
    n.put("score", reward);
    n.put("total_episodes", 40);
    n.put("validator_count", 2);
    n.put("status", status);
    n.put("created_at", Samples.T0.plusSeconds(Long.parseLong(id)).toString());
    return n;
  }

  private static ObjectNode competition() {
    ObjectNode n = TestBackend.JSON.createObjectNode();
    n.put("id", Samples.COMPETITION);
    n.put("name", "Classic control");
    n.put("description", "Balance a pole");
    n.set("benchmarks", Samples.benchmarks());
    n.put("points", 100);
    n.put("min_avg_reward", 0.0);
    n.put("win_margin_pct", 0.05);
    n.put("min_success_rate", 0.5);
    n.put("submission_holdout_seconds", 300);
    n.put("current_leader_hotkey", Samples.VALIDATOR_2);
    n.put("current_leader_reward", 300.0);
    n.put("current_leader_candidate_id", "16");
    n.put("active", true);
    n.put("created_at", Samples.T0.toString());
    return n;
  }

  private static ObjectNode result(String submission, String validator, double reward) {
    ObjectNode n = TestBackend.JSON.createObjectNode();
    n.put("id", submission + validator.substring(0, 3));
    n.put("job_id", "9");
    n.put("submission_id", submission);
    n.put("competition_id", Samples.COMPETITION);
    n.put("miner_hotkey", Samples.MINER);
    n.put("validator_hotkey", validator);
    n.put("benchmark_name", "cartpole");
    n.put("status", "COMPLETED");
    n.put("success_rate", 0.8);
    n.put("avg_reward", reward);
    n.put("total_episodes", 20);
    ArrayNode tasks = n.putArray("tasks");
    tasks.addObject().put("task_id", "classic/CartPole-v1:0");
    return n;
  }

  private static ObjectNode episode(String submission, int index) {
    ObjectNode n = TestBackend.JSON.createObjectNode();
    n.put("id", submission + "0" + index);
    n.put("job_id", "9");
    n.put("submission_id", submission);
    n.put("validator_hotkey", Samples.VALIDATOR);
    n.put("task_id", "classic/CartPole-v1:0");
    n.put("episode_index", index);
    n.put("env_name", "classic/CartPole-v1");
    n.put("success", index == 0);
    n.put("final_reward", 400 + index);
    n.put("steps", 200);
    n.put("pending_summary", false);
    return n;
  }

  private static ObjectNode key(String id, String name, String role, String secret) {
    ObjectNode n = TestBackend.JSON.createObjectNode();
    n.put("id", id);
    n.put("name", name);
    n.put("key_prefix", "kin_" + id + "ab");
    n.put("role", role);
    n.put("active", true);
    n.put("created_at", Samples.T0.toString());
    if (secret != null) {
      n.put("api_key", secret);
    }
    return n;
  }

  private static ObjectNode validator() {
    ObjectNode n = TestBackend.JSON.createObjectNode();
    n.put("hotkey", Samples.VALIDATOR);
    n.put("connected", true);
    n.put("last_heartbeat_at", Samples.T0.toString());
    n.put("total_jobs_sent", 12);
    n.put("total_results_received", 10);
    n.put("total_errors", 1);
    return n;
  }

  @SuppressWarnings("unchecked")
  private static <T> TableView<T> table(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TableView.class);
  }

  private static Label label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class);
  }
}
