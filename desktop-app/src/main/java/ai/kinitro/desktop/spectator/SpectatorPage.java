package ai.kinitro.desktop.spectator;

import static ai.kinitro.desktop.view.Views.column;
import static ai.kinitro.desktop.view.Views.number;
import static ai.kinitro.desktop.view.Views.percent;
import static ai.kinitro.desktop.view.Views.shortKey;
import static ai.kinitro.desktop.view.Views.table;

import ai.kinitro.desktop.api.EpisodeInfo;
import ai.kinitro.desktop.api.EventSource;
import ai.kinitro.desktop.api.Leaderboard;
import ai.kinitro.desktop.api.StepInfo;
import ai.kinitro.desktop.api.SubmissionRank;
import ai.kinitro.desktop.api.WeightsInfo;
import ai.kinitro.desktop.chart.ChartStyler;
import ai.kinitro.desktop.chart.EpisodeChart;
import ai.kinitro.desktop.shell.Page;
import ai.kinitro.desktop.spectator.viewmodel.FrameView;
import ai.kinitro.desktop.spectator.viewmodel.JobProgress;
import ai.kinitro.desktop.spectator.viewmodel.SpectatorViewModel;
import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The spectator dashboard. Left: competitions with their leaders, the leaders, the weights. Right:
 * live jobs, the submission leaderboard (select a row to chart it), the live episode chart of the
 * selected submission, and its episode replays (steps beside their frames, one per camera, with
 * previous/next and play). Only binds to {@link SpectatorViewModel}.
 */
public final class SpectatorPage implements Page {
  static final double FRAME_WIDTH = 168;
  static final Duration PLAY_INTERVAL = Duration.millis(200);
  private final SpectatorViewModel model;
  private final ChartStyler styler;
  private Node view;

  public SpectatorPage(SpectatorViewModel model, ChartStyler styler) {
    this.model = model;
    this.styler = styler;
  }

  @Override
  public String id() {
    return "dashboard";
  }

  @Override
  public String title() {
    return "Dashboard";
  }

  @Override
  public Node view() {
    if (view == null) {
      view = build();
      model.refresh();
    }
    return view;
  }

  private Node build() {
    Label title = new Label("Live dashboard");
    title.getStyleClass().add(Styles.TITLE_3);
    Label link = new Label();
    link.setId("dashboard-link");
    link.textProperty().bind(Bindings.createStringBinding(() -> switch (model.linkProperty().get()) {
      case LIVE -> "● live";
      case CONNECTING -> "○ connecting…";
      case RECONNECTING -> "○ reconnecting…";
    }, model.linkProperty()));
    model.linkProperty().addListener((obs, old, now) -> {
      link.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
      link.getStyleClass().add(now == EventSource.LinkState.LIVE ? Styles.SUCCESS : Styles.WARNING);
    });
    Label stats = new Label();
    stats.textProperty().bind(model.statsProperty());
    Label problem = new Label();
    problem.setId("dashboard-problem");
    problem.getStyleClass().add(Styles.DANGER);
    problem.textProperty().bind(model.problemProperty());
    Button refresh = new Button("Refresh");
    refresh.setId("dashboard-refresh");
    refresh.setOnAction(e -> model.refresh());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(12, title, link, stats, spacer, problem, refresh);
    header.setAlignment(Pos.CENTER_LEFT);

    TableView<Leaderboard.CompetitionLeader> competitions = table("dashboard-competitions", model.competitionLeaders());
    column(competitions, "Competition", Leaderboard.CompetitionLeader::competitionName);
    column(competitions, "Points", c -> Integer.toString(c.points()));
    column(competitions, "Leader", c -> c.currentLeaderHotkey().map(k -> shortKey(k)).orElse("none yet"));
    column(competitions, "Reward", c -> number(c.currentLeaderReward()));
    column(competitions, "Weight", c -> percent(c.weightShare()));
    competitions.setPrefHeight(150);

    TableView<Leaderboard.Leader> leaders = table("dashboard-leaders", model.leaders());
    column(leaders, "#", l -> Integer.toString(l.rank()));
    column(leaders, "Miner", l -> shortKey(l.minerHotkey()));
    column(leaders, "Points", l -> Long.toString(l.totalPoints()));
    column(leaders, "Weight", l -> percent(l.weightShare()));
    leaders.setPrefHeight(120);

    TableView<WeightsInfo.Entry> weights = table("dashboard-weights", model.weights());
    column(weights, "uid", w -> Integer.toString(w.uid()));
    column(weights, "Hotkey", w -> shortKey(w.hotkey()));
    column(weights, "Weight", w -> String.format(java.util.Locale.ROOT, "%.4f", w.weight()));
    weights.setPrefHeight(120);
    Label weightsNote = new Label();
    weightsNote.setId("dashboard-weights-note");
    weightsNote.setWrapText(true);
    weightsNote.textProperty().bind(model.weightsNoteProperty());

    VBox left = new VBox(8, section("Competitions and leaders", competitions), section("Leaders", leaders),
        section("Weights", weights), weightsNote);

    TableView<JobProgress> jobs = table("dashboard-jobs", model.jobs());
    column(jobs, "Job", JobProgress::jobId);
    column(jobs, "Submission", JobProgress::submissionId);
    column(jobs, "Benchmark", JobProgress::benchmark);
    column(jobs, "Status", JobProgress::status);
    column(jobs, "Episodes", j -> j.episodesDone() + (j.totalEpisodes() > 0 ? " / " + j.totalEpisodes() : ""));
    jobs.setPrefHeight(140);

    TableView<SubmissionRank> ranks = table("dashboard-ranks", model.ranks());
    column(ranks, "#", r -> Long.toString(r.rank()));
    column(ranks, "Submission", SubmissionRank::submissionId);
    column(ranks, "Miner", r -> shortKey(r.minerHotkey()));
    column(ranks, "Version", SubmissionRank::version);
    column(ranks, "Avg reward", r -> number(r.avgReward()));
    column(ranks, "Success", r -> percent(r.successRate()));
    column(ranks, "Validators", r -> Long.toString(r.validators()));
    ranks.setPrefHeight(140);
    ranks.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        model.selectedSubmissionProperty().set(now.submissionId());
      }
    });

    EpisodeChart chart = new EpisodeChart("Episode reward and success rate", styler);
    chart.view().setId("dashboard-chart");
    chart.view().setPrefHeight(260);
    chart.show(model.selectedSeriesProperty().get());
    model.selectedSeriesProperty().addListener((obs, old, now) -> chart.show(now));
    Label chartTitle = new Label();
    chartTitle.textProperty().bind(Bindings.createStringBinding(() -> model.selectedSubmissionProperty().get() == null
        ? "Select a submission in the leaderboard" : "Submission " + model.selectedSubmissionProperty().get(),
        model.selectedSubmissionProperty()));

    VBox right = new VBox(8, section("Live jobs", jobs), section("Submission leaderboard", ranks),
        section("Episodes of the selected submission", new VBox(4, chartTitle, chart.view())), live(), replay());

    GridPane grid = new GridPane(16, 0);
    ColumnConstraints a = new ColumnConstraints();
    a.setPercentWidth(40);
    ColumnConstraints b = new ColumnConstraints();
    b.setPercentWidth(60);
    grid.getColumnConstraints().addAll(a, b);
    grid.add(left, 0, 0);
    grid.add(right, 1, 0);
    VBox page = new VBox(10, header, grid);
    page.setPadding(new Insets(0, 12, 12, 0));
    ScrollPane scroll = new ScrollPane(page);
    scroll.setFitToWidth(true);
    scroll.setId("dashboard");
    return scroll;
  }

  /** The newest live step of the selected submission and its frames. */
  private Node live() {
    Label note = new Label();
    note.setId("dashboard-live-note");
    note.setWrapText(true);
    note.textProperty().bind(model.liveNoteProperty());
    FlowPane frames = new FlowPane(8, 8);
    frames.setId("dashboard-live-frames");
    model.liveFrames().addListener((ListChangeListener<FrameView>) c -> showFrames(frames, model.liveFrames(), "dashboard-live"));
    showFrames(frames, model.liveFrames(), "dashboard-live");
    return section("Live", new VBox(6, note, frames));
  }

  private Node replay() {
    TableView<EpisodeInfo> episodes = table("dashboard-episodes", model.episodes());
    column(episodes, "Task", EpisodeInfo::taskId);
    column(episodes, "#", e -> Integer.toString(e.episodeIndex()));
    column(episodes, "Validator", e -> shortKey(e.validatorHotkey()));
    column(episodes, "Reward", e -> number(e.finalReward()));
    column(episodes, "Success", e -> e.success().map(s -> s ? "yes" : "no").orElse("–"));
    episodes.setPrefHeight(120);
    episodes.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedEpisodeProperty().set(now));

    TableView<StepInfo> steps = table("dashboard-steps", model.steps());
    column(steps, "Step", s -> Integer.toString(s.step()));
    column(steps, "Reward", s -> number(s.reward()));
    column(steps, "Action", s -> s.action().toString());
    column(steps, "Done", s -> s.done() ? "done" : s.truncated() ? "truncated" : "");
    column(steps, "Frames", s -> s.observationRefs().isEmpty() ? "" : s.hasFrames() ? Integer.toString(
        (int) s.observationRefs().stream().filter(f -> f.url().isPresent()).count()) : "no URL");
    column(steps, "Info", s -> s.info().toString());
    steps.setPrefHeight(180);
    steps.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        model.selectedStepProperty().set(now);
      }
    });
    model.selectedStepProperty().addListener((obs, old, now) -> {
      if (now != null && steps.getSelectionModel().getSelectedItem() != now) {
        steps.getSelectionModel().select(now);
        steps.scrollTo(now);
      }
    });
    Label note = new Label();
    note.setId("dashboard-replay-note");
    note.setWrapText(true);
    note.textProperty().bind(model.replayNoteProperty());

    Button previous = new Button("◀");
    previous.setId("dashboard-step-previous");
    previous.disableProperty().bind(model.canPreviousStep().not());
    previous.setOnAction(e -> model.previousStep());
    Button next = new Button("▶");
    next.setId("dashboard-step-next");
    next.disableProperty().bind(model.canNextStep().not());
    next.setOnAction(e -> model.nextStep());
    ToggleButton play = new ToggleButton("Play");
    play.setId("dashboard-step-play");
    Timeline player = new Timeline(new KeyFrame(PLAY_INTERVAL, e -> {
      if (model.canNextStep().get()) {
        model.nextStep();
      } else {
        play.setSelected(false);
      }
    }));
    player.setCycleCount(Animation.INDEFINITE);
    play.selectedProperty().addListener((obs, old, on) -> {
      if (on) {
        player.play();
      } else {
        player.stop();
      }
    });
    play.disableProperty().bind(model.canNextStep().not().and(play.selectedProperty().not()));
    Label stepNote = new Label();
    stepNote.setId("dashboard-step-note");
    stepNote.textProperty().bind(model.stepNoteProperty());
    stepNote.setWrapText(true);
    stepNote.setMaxWidth(FRAME_WIDTH);
    HBox controls = new HBox(6, previous, play, next);
    controls.setAlignment(Pos.CENTER_LEFT);

    FlowPane frames = new FlowPane(8, 8);
    frames.setId("dashboard-frames");
    model.frames().addListener((ListChangeListener<FrameView>) c -> showFrames(frames, model.frames(), "dashboard"));
    showFrames(frames, model.frames(), "dashboard");
    VBox replay = new VBox(6, controls, stepNote, frames);
    replay.setMinWidth(FRAME_WIDTH + 8);

    HBox stepsAndFrames = new HBox(8, steps, replay);
    HBox.setHgrow(steps, Priority.ALWAYS);
    return section("Episode replay", new VBox(6, episodes, note, stepsAndFrames));
  }

  /** One tile per camera: its name and its image, or why there is none ({@code idPrefix}-frame-…). */
  private static void showFrames(FlowPane pane, List<FrameView> frames, String idPrefix) {
    // Up to two cameras side by side; more wrap below.
    pane.setPrefWrapLength(Math.clamp(frames.size(), 1, 2) * (FRAME_WIDTH + 8));
    pane.getChildren().setAll(frames.stream().map(f -> {
      Label camera = new Label(f.camera());
      camera.getStyleClass().add(Styles.TEXT_SMALL);
      Node content;
      if (f.image().isPresent()) {
        ImageView image = new ImageView(f.image().get().image());
        image.setId(idPrefix + "-frame-" + f.camera());
        image.setFitWidth(FRAME_WIDTH);
        image.setPreserveRatio(true);
        content = image;
      } else {
        Label message = new Label(f.message());
        message.setId(idPrefix + "-frame-message-" + f.camera());
        message.setWrapText(true);
        message.setMaxWidth(FRAME_WIDTH);
        if (f.state() == FrameView.State.FAILED) {
          message.getStyleClass().add(Styles.DANGER);
        }
        content = message;
      }
      return (Node) new VBox(2, camera, content);
    }).toList());
  }

  private static VBox section(String name, Node content) {
    Label l = new Label(name);
    l.getStyleClass().add(Styles.TITLE_4);
    return new VBox(4, l, content);
  }
}
