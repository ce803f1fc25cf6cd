package ai.kinitro.desktop.spectator;

import static ai.kinitro.desktop.testing.FxShell.await;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.testing.Frames;
import ai.kinitro.desktop.testing.FxShell;
import ai.kinitro.desktop.testing.Samples;
import ai.kinitro.desktop.testing.Screenshots;
import ai.kinitro.desktop.testing.TestBackend.Response;
import ai.kinitro.desktop.testing.TestBackend;
import ai.kinitro.desktop.theme.AppTheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spectator dashboard in the real window, without an API key, against a real HTTP/WebSocket
 * server: the REST snapshot, then live events over the realtime channel extending the chart and
 * the job list, and an episode replay stepping through stored frames (rendered CartPole PNGs the
 * server hands out at the steps' frame URLs), one of which is gone (404) and says so.
 */
@ExtendWith(ApplicationExtension.class)
class SpectatorDashboardFxTest {
  private static final String SUB = Long.toString(Samples.SUBMISSION);
  private TestBackend backend;
  private DesktopShell shell;

  @Start
  void start(Stage stage) {
    backend = new TestBackend();
    install(backend);
    shell = FxShell.open(stage, backend.url(), null);
  }

  @AfterEach
  void stop() {
    shell.close();
    backend.close();
  }

  @Test
  void theDashboardShowsLeadersAndChartsEpisodesAsTheyArriveWithoutAnApiKey(FxRobot robot) {
    await(10, () -> table(robot, "#dashboard-ranks").getItems().size() == 2);
    await(10, () -> shell.spectator().selectedSeriesProperty().get() != null
        && shell.spectator().selectedSeriesProperty().get().points().size() == 4);
    await(10, () -> label(robot, "#dashboard-link").getText().equals("● live"));
    await(10, () -> backend.subscriptionCount() >= 1);

    double[] live = {260, 310, 290};
    for (int i = 0; i < live.length; i++) {
      backend.publish(Samples.episode(Samples.JOB, Samples.SUBMISSION, 4 + i, live[i], live[i] > 280));
    }
    backend.publish(new EventPayload.WeightsUpdated("w-7", 26, Samples.T0, List.of(
        new WeightEntry(4, Samples.VALIDATOR_2, 0.98), new WeightEntry(17, Samples.MINER, 0.02))));

    await(10, () -> shell.spectator().selectedSeriesProperty().get().points().size() == 7);
    await(10, () -> table(robot, "#dashboard-weights").getItems().size() == 2);
    await(10, () -> table(robot, "#dashboard-jobs").getItems().size() == 1
        && ((ai.kinitro.desktop.spectator.viewmodel.JobProgress) table(robot, "#dashboard-jobs").getItems().getFirst())
            .episodesDone() == 5);
    assertThat(backend.requests()).allSatisfy(r -> assertThat(r.apiKey()).isEmpty());

    robot.interact(() -> table(robot, "#dashboard-episodes").getSelectionModel().select(0));
    await(10, () -> table(robot, "#dashboard-steps").getItems().size() == 4);
    assertThat(label(robot, "#dashboard-replay-note").getText()).isEqualTo("3 of 4 logged steps have frames.");
    await(10, () -> frame(robot) != null && shell.spectator().frames().getFirst().step() == 0);

    robot.interact(() -> table(robot, "#dashboard-steps").getSelectionModel().select(2));
    await(10, () -> frame(robot) != null && shell.spectator().frames().getFirst().step() == 10);
    assertThat(label(robot, "#dashboard-step-note").getText()).isEqualTo("Step 10 · 3 of 4 logged steps");

    robot.interact(() -> shell.spectator().nextStep());
    await(10, () -> robot.lookup("#dashboard-frame-message-default").tryQuery().isPresent());
    assertThat(label(robot, "#dashboard-frame-message-default").getText()).isEqualTo("The frame of camera 'default' at step 179 "
        + "could not be loaded: the frame store answered HTTP 404 for 127.0.0.1:" + backend.port()
        + "/store/frames/179.png (the frame is not in the store)");
    assertThat(label(robot, "#dashboard-step-note").getText()).isEqualTo("Step 179 · 4 of 4 logged steps");
    robot.interact(() -> shell.spectator().previousStep());
    await(10, () -> frame(robot) != null && shell.spectator().frames().getFirst().step() == 10);
    assertThat(backend.requests().stream().filter(r -> r.path().startsWith("/store/")).map(r -> r.path()).toList())
        .as("each frame is downloaded once; stepping back shows the loaded one").containsExactly(
            "/store/frames/0.png", "/store/frames/10.png", "/store/frames/179.png");

    // A live step of the selected submission, as the backend sends it with a signed frame URL.
    await(10, () -> backend.subscriptionCount() >= 2);
    String frameUrl = backend.url().toString().replaceAll("/$", "") + "/store/frames/10.png?X-Amz-Signature=live";
    backend.publish(new EventPayload.EpisodeStep(Samples.JOB, Samples.SUBMISSION, Samples.VALIDATOR, "classic/CartPole-v1:0", 6,
        new StepRecord(10, JsonNodeFactory.instance.arrayNode().add(0), 1.0, false, false, List.of(new ObservationRef("default",
            "kinitro-vault", "observations/10.png", Optional.of(URI.create(frameUrl)))), null, Samples.T0)));
    await(10, () -> robot.lookup("#dashboard-live-frame-default").tryQuery().isPresent());
    assertThat(label(robot, "#dashboard-live-note").getText())
        .isEqualTo("Live · job " + Samples.JOB + " on 5Grwva…utQY · classic/CartPole-v1:0 · episode 6 · step 10 · reward 1.000");
    Screenshots.saveWhole(robot.lookup("#dashboard").queryAs(javafx.scene.control.ScrollPane.class).getContent(), "dashboard");

    robot.interact(() -> shell.model().toggleTheme());
    await(10, () -> shell.charts().theme() == AppTheme.DARK);
    Screenshots.save(robot, robot.window(0).getScene().getRoot(), "dashboard-dark");
    robot.interact(() -> shell.model().toggleTheme());
  }

  @Test
  void theAdminConsoleWithoutAKeySaysHowToGetOneAndConnectionsShowTheProfile(FxRobot robot) {
    robot.clickOn("Admin console");
    await(10, () -> robot.lookup("#admin-needs-key").queryAs(Label.class).isVisible());
    assertThat(backend.requests()).noneMatch(r -> r.path().startsWith("/admin"));

    robot.clickOn("Connections");
    await(10, () -> label(robot, "#connection-status").getText().startsWith("Connected to Test"));
    Screenshots.save(robot, robot.window(0).getScene().getRoot(), "connections");
  }

  private static void install(TestBackend b) {
    b.route("GET", "/competitions", r -> Response.page(List.of(competition())));
    b.route("GET", "/competitions/leaderboard", r -> Response.ok("""
        {"total_competitions":1,"total_points":100,"burn_share":0.98,
         "leaders":[{"rank":1,"miner_hotkey":"%s","total_points":100,"weight_share":0.02,"competitions":["%s"]}],
         "competitions":[{"competition_id":"%s","competition_name":"Classic control","points":100,
           "current_leader_hotkey":"%s","current_leader_submission_id":"%s","current_leader_reward":412.5,
           "weight_share":0.02,"award_outcome":"AWARDED"}]}"""
        .formatted(Samples.MINER, Samples.COMPETITION, Samples.COMPETITION, Samples.MINER, SUB)));
    b.route("GET", "/leaderboards/submissions", r -> Response.ok("""
        {"items":[{"rank":1,"submission_id":"%s","competition_id":"%s","miner_hotkey":"%s","version":"v3","avg_reward":412.5,
                   "success_rate":0.75,"score":412.5,"total_results":2,"validators":2,"total_episodes":40},
                  {"rank":2,"submission_id":"7312848011234567001","competition_id":"%s","miner_hotkey":"%s","version":"v2",
                   "avg_reward":300.0,"success_rate":0.5,"score":300.0,"total_results":2,"validators":2,"total_episodes":40}],
         "total":2,"limit":1000,"offset":0}""".formatted(SUB, Samples.COMPETITION, Samples.MINER, Samples.COMPETITION,
        Samples.VALIDATOR_2)));
    b.route("GET", "/weights", r -> Response.problem(404, 1509, "NO_WEIGHTS_YET", "No weights have been computed yet"));
    b.route("GET", "/jobs", r -> Response.ok("""
        {"items":[{"id":"%d","submission_id":"%s","competition_id":"%s","miner_hotkey":"%s","provider":"classic",
          "benchmark_name":"cartpole","status":"RUNNING","validators":[{"validator_hotkey":"%s","status":"RUNNING",
          "attempts":1,"progress_episodes":2,"total_episodes":8}]}],"total":1,"limit":1000,"offset":0}"""
        .formatted(Samples.JOB, SUB, Samples.COMPETITION, Samples.MINER, Samples.VALIDATOR)));
    b.route("GET", "/episodes", r -> {
      List<ObjectNode> items = new ArrayList<>();
      double[] rewards = {180, 220, 200, 240};
      for (int i = 0; i < rewards.length; i++) {
        ObjectNode e = TestBackend.JSON.createObjectNode();
        e.put("id", "90" + i);
        e.put("job_id", Long.toString(Samples.JOB));
        e.put("submission_id", SUB);
        e.put("validator_hotkey", Samples.VALIDATOR);
        e.put("task_id", "classic/CartPole-v1:0");
        e.put("episode_index", i);
        e.put("env_name", "classic/CartPole-v1");
        e.put("success", rewards[i] >= 200);
        e.put("final_reward", rewards[i]);
        e.put("steps", (int) rewards[i]);
        e.put("ended_at", Samples.T0.plusSeconds(i).toString());
        e.put("pending_summary", false);
        items.add(e);
      }
      return Response.page(items);
    });
    String store = b.url().toString().replaceAll("/$", "") + "/store/frames/";
    b.route("GET", "/episodes/(\\d+)/steps", r -> Response.ok("""
        {"items":[
          {"episode_id":"%1$s","step":0,"action":[1],"reward":1.0,"done":false,"truncated":false,"observation_refs":[
            {"camera":"default","bucket":"kinitro-vault","key":"observations/0.png","url":"%2$s0.png?X-Amz-Signature=s0",
             "url_expires_at":"2026-03-01T13:00:00Z"}],"info":{}},
          {"episode_id":"%1$s","step":5,"action":[1],"reward":1.0,"done":false,"truncated":false,"observation_refs":[],"info":{}},
          {"episode_id":"%1$s","step":10,"action":[0],"reward":1.0,"done":false,"truncated":false,"observation_refs":[
            {"camera":"default","bucket":"kinitro-vault","key":"observations/10.png","url":"%2$s10.png?X-Amz-Signature=s10",
             "url_expires_at":"2026-03-01T13:00:00Z"}],"info":{"x":0.02}},
          {"episode_id":"%1$s","step":179,"action":[1],"reward":1.0,"done":true,"truncated":false,"observation_refs":[
            {"camera":"default","bucket":"kinitro-vault","key":"observations/179.png","url":"%2$s179.png?X-Amz-Signature=s179",
             "url_expires_at":"2026-03-01T13:00:00Z"}],"info":{"success":false}}],
         "total":4,"limit":1000,"offset":0}""".formatted(r.group(1), store)));
    // The object store: rendered CartPole frames for steps 0 and 10; step 179's frame is gone.
    List<byte[]> pngs = Frames.cartPole(7, 11, 84);
    b.route("GET", "/store/frames/(\\d+)\\.png", r -> switch (r.group(1)) {
      case "0" -> new Response(200, "image/png", pngs.get(0));
      case "10" -> new Response(200, "image/png", pngs.get(10));
      default -> new Response(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>".getBytes());
    });
  }

  private static ObjectNode competition() {
    ObjectNode c = TestBackend.JSON.createObjectNode();
    c.put("id", Samples.COMPETITION);
    c.put("name", "Classic control");
    c.set("benchmarks", Samples.benchmarks());
    c.put("points", 100);
    c.put("active", true);
    c.put("submission_holdout_seconds", 300);
    return c;
  }

  private static javafx.scene.image.Image frame(FxRobot robot) {
    return robot.lookup("#dashboard-frame-default").tryQueryAs(javafx.scene.image.ImageView.class)
        .map(javafx.scene.image.ImageView::getImage).orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static <T> TableView<T> table(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TableView.class);
  }

  private static Label label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class);
  }
}
