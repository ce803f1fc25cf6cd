package ai.kinitro.desktop.spectator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.WeightEntry;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.desktop.api.EpisodeInfo;
import ai.kinitro.desktop.api.FrameImage;
import ai.kinitro.desktop.api.FrameLoader;
import ai.kinitro.desktop.api.EventSource.LinkState;
import ai.kinitro.desktop.api.JobInfo;
import ai.kinitro.desktop.api.Leaderboard;
import ai.kinitro.desktop.api.StepInfo;
import ai.kinitro.desktop.api.SubmissionRank;
import ai.kinitro.desktop.api.WeightsInfo;
import ai.kinitro.desktop.chart.viewmodel.EpisodePoint;
import ai.kinitro.desktop.spectator.viewmodel.FrameView;
import ai.kinitro.desktop.spectator.viewmodel.JobProgress;
import ai.kinitro.desktop.spectator.viewmodel.SpectatorViewModel;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.testing.FakeBackendApi;
import ai.kinitro.desktop.testing.FakeEventSource;
import ai.kinitro.desktop.testing.Samples;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The spectator dashboard's view model without a UI: REST snapshot plus live events. */
class SpectatorViewModelTest {
  private static final String SUB = Long.toString(Samples.SUBMISSION);

  private final FakeBackendApi api = new FakeBackendApi();
  private final FakeEventSource events = new FakeEventSource();
  /** Frames by URL; an unknown URL fails as a store answering 404 would. */
  private final Map<String, FrameImage> images = new HashMap<>();
  private final List<String> loaded = new ArrayList<>();
  private final FrameLoader frameLoader = url -> {
    loaded.add(url);
    FrameImage image = images.get(url);
    if (image == null) {
      throw new KinitroException(ErrorCode.EXTERNAL_UNAVAILABLE, "the frame store answered HTTP 404 for " + url);
    }
    return image;
  };
  private SpectatorViewModel dashboard;

  static EpisodeInfo stored(String id, int index, double reward, boolean success) {
    return new EpisodeInfo(id, Long.toString(Samples.JOB), SUB, Samples.VALIDATOR, "classic/CartPole-v1:0", index,
        "classic/CartPole-v1", Optional.of(success), Optional.of(reward), Optional.of(100),
        Optional.of(Samples.T0.plusSeconds(index)));
  }

  @BeforeEach
  void setUp() {
    api.competitions.add(Samples.competition());
    api.leaderboard = new Leaderboard(1, 100, 0.98, List.of(new Leaderboard.Leader(1, Samples.MINER, 100, 0.02,
        List.of(Samples.COMPETITION))), List.of(new Leaderboard.CompetitionLeader(Samples.COMPETITION, "Classic control", 100,
        Optional.of(Samples.MINER), Optional.of(SUB), Optional.of(412.5), 0.02)));
    api.ranks.add(new SubmissionRank(1, SUB, Samples.COMPETITION, Samples.MINER, "v1", Optional.of(412.5), Optional.of(0.75), 2));
    api.jobs.add(new JobInfo(Long.toString(Samples.JOB), SUB, Samples.COMPETITION, Samples.MINER, "cartpole", "RUNNING",
        Optional.empty(), List.of(new JobInfo.Assignment(Samples.VALIDATOR, "RUNNING", 2, Optional.of(4), Optional.empty(),
            Optional.empty()))));
    api.episodes.add(stored("e2", 1, 20, false));
    api.episodes.add(stored("e1", 0, 10, true));
    dashboard = new SpectatorViewModel(() -> api, frameLoader, events, BackgroundTasks.sameThread());
  }

  @Test
  void refreshShowsLeadersRanksJobsAndChartsTheBestSubmissionFromItsStoredEpisodes() {
    dashboard.refresh();

    assertThat(dashboard.competitionLeaders()).extracting(Leaderboard.CompetitionLeader::currentLeaderHotkey)
        .containsExactly(Optional.of(Samples.MINER));
    assertThat(dashboard.jobs()).containsExactly(new JobProgress(Long.toString(Samples.JOB), SUB, "cartpole",
        "RUNNING on 5Grwva…utQY", 2, 4));
    assertThat(dashboard.selectedSubmissionProperty().get()).isEqualTo(SUB);
    assertThat(dashboard.selectedSeriesProperty().get().points()).containsExactly(new EpisodePoint(1, 10, true, 1),
        new EpisodePoint(2, 20, false, 0.5));
    assertThat(dashboard.weightsNoteProperty().get()).startsWith("No weights computed yet");
  }

  @Test
  void episodeEventsExtendTheChartOfTheirSubmissionAndTheJobsProgress() {
    dashboard.refresh();

    events.publish(Samples.episode(Samples.JOB, Samples.SUBMISSION, 2, 30, true));
    events.publish(Samples.episode(43L, 42L, 0, 5, false));

    assertThat(dashboard.seriesOf(SUB).points()).extracting(EpisodePoint::reward).containsExactly(10.0, 20.0, 30.0);
    assertThat(dashboard.seriesOf("42").points()).extracting(EpisodePoint::reward).containsExactly(5.0);
    assertThat(dashboard.jobs().getFirst().episodesDone()).isEqualTo(3);
  }

  @Test
  void jobsAppearAndChangeStatusAsEventsArrive() {
    dashboard.refresh();

    events.publish(Samples.jobCreated(99, 7));
    events.publish(new EventPayload.JobCompleted(99, Optional.of(Samples.VALIDATOR), EvaluationStatus.COMPLETED,
        Optional.empty(), Samples.T0));

    assertThat(dashboard.jobs().getFirst()).isEqualTo(new JobProgress("99", "7", "cartpole", "COMPLETED on 5Grwva…utQY", 0, 0));
  }

  @Test
  void aWeightsEventReplacesTheWeightsShown() {
    dashboard.refresh();

    events.publish(new EventPayload.WeightsUpdated("w-1", 26, Samples.T0, List.of(new WeightEntry(4, Samples.VALIDATOR_2, 0.98),
        new WeightEntry(17, Samples.MINER, 0.02))));

    assertThat(dashboard.weights()).containsExactly(new WeightsInfo.Entry(4, Samples.VALIDATOR_2, 0.98),
        new WeightsInfo.Entry(17, Samples.MINER, 0.02));
    assertThat(dashboard.weightsNoteProperty().get()).isEqualTo("Snapshot w-1 for subnet 26, computed 2026-03-01T12:00:00Z");
  }

  @Test
  void aReplayWithoutFrameUrlsShowsTheStepsAndSaysFramesAreNotAvailable() {
    api.steps.put("e1", List.of(new StepInfo(0, JsonNodeFactory.instance.arrayNode().add(1), 1.0, false, false, List.of(),
        null), new StepInfo(1, JsonNodeFactory.instance.arrayNode().add(0), 1.0, true, false, List.of(
        new StepInfo.Frame("default", "kinitro-media", "e1/1/default.png", Optional.empty())), null)));
    dashboard.refresh();

    dashboard.selectedEpisodeProperty().set(dashboard.episodes().getFirst());

    assertThat(dashboard.steps()).extracting(StepInfo::step).containsExactly(0, 1);
    assertThat(dashboard.replayNoteProperty().get()).isEqualTo(SpectatorViewModel.NO_FRAMES);
    assertThat(dashboard.selectedStepProperty().get().step()).isEqualTo(0);
    assertThat(loaded).isEmpty();
  }

  @Test
  void aReplayWithFrameUrlsSaysHowManyStepsHaveThemAndShowsEachCameraOfTheFirstStepWithFrames() {
    FrameImage corner = image(4, 3);
    FrameImage top = image(2, 2);
    images.put("http://s3/f/0-corner.png", corner);
    images.put("http://s3/f/0-top.png", top);
    api.steps.put("e1", List.of(step(0, List.of()), step(5, List.of(frame("corner", "http://s3/f/0-corner.png"),
        frame("top", "http://s3/f/0-top.png"))), step(9, List.of())));
    dashboard.refresh();

    dashboard.selectedEpisodeProperty().set(dashboard.episodes().getFirst());

    assertThat(dashboard.replayNoteProperty().get()).isEqualTo("1 of 3 logged steps have frames.");
    assertThat(dashboard.selectedStepProperty().get().step()).isEqualTo(5);
    assertThat(dashboard.stepNoteProperty().get()).isEqualTo("Step 5 · 2 of 3 logged steps");
    assertThat(dashboard.frames()).containsExactly(
        new FrameView("corner", 5, FrameView.State.SHOWN, Optional.of(corner), ""),
        new FrameView("top", 5, FrameView.State.SHOWN, Optional.of(top), ""));
  }

  @Test
  void steppingThroughTheReplayShowsEachStepsFramesAndKeepsLoadedOnes() {
    FrameImage a = image(2, 2);
    FrameImage b = image(2, 2);
    images.put("http://s3/a.png", a);
    images.put("http://s3/b.png", b);
    api.steps.put("e1", List.of(step(0, List.of(frame("default", "http://s3/a.png"))), step(1, List.of()),
        step(2, List.of(frame("default", "http://s3/b.png")))));
    dashboard.refresh();
    dashboard.selectedEpisodeProperty().set(dashboard.episodes().getFirst());
    assertThat(dashboard.canPreviousStep().get()).isFalse();

    dashboard.nextStep();
    assertThat(dashboard.frames()).isEmpty();
    assertThat(dashboard.stepNoteProperty().get()).isEqualTo("Step 1 · 2 of 3 logged steps · no frame was logged at this step");
    dashboard.nextStep();
    assertThat(dashboard.frames()).containsExactly(new FrameView("default", 2, FrameView.State.SHOWN, Optional.of(b), ""));
    assertThat(dashboard.canNextStep().get()).isFalse();
    dashboard.previousStep();
    dashboard.previousStep();

    assertThat(dashboard.frames()).containsExactly(new FrameView("default", 0, FrameView.State.SHOWN, Optional.of(a), ""));
    assertThat(loaded).containsExactly("http://s3/a.png", "http://s3/b.png");
  }

  @Test
  void aFrameThatFailsToLoadSaysWhyAndTheOtherCamerasAndStepsStillShow() {
    FrameImage top = image(2, 2);
    images.put("http://s3/top.png", top);
    images.put("http://s3/next.png", top);
    api.steps.put("e1", List.of(step(0, List.of(frame("corner", "http://s3/gone.png"), frame("top", "http://s3/top.png"),
        new StepInfo.Frame("side", "validator-own", "side.png", Optional.empty()))),
        step(1, List.of(frame("corner", "http://s3/next.png")))));
    dashboard.refresh();

    dashboard.selectedEpisodeProperty().set(dashboard.episodes().getFirst());

    assertThat(dashboard.frames()).containsExactly(
        new FrameView("corner", 0, FrameView.State.FAILED, Optional.empty(),
            "The frame of camera 'corner' at step 0 could not be loaded: the frame store answered HTTP 404 for http://s3/gone.png"),
        new FrameView("top", 0, FrameView.State.SHOWN, Optional.of(top), ""),
        new FrameView("side", 0, FrameView.State.NO_URL, Optional.empty(),
            "No URL for this frame: it is stored where this backend cannot sign for it."));
    dashboard.nextStep();
    assertThat(dashboard.frames()).containsExactly(new FrameView("corner", 1, FrameView.State.SHOWN, Optional.of(top), ""));
  }

  @Test
  void theSelectedSubmissionsLiveStepsShowTheirNoteAndFramesAndOtherSubmissionsStepsDoNot() {
    FrameImage now = image(2, 2);
    images.put("http://s3/live/7.png", now);
    dashboard.refresh();
    assertThat(dashboard.liveNoteProperty().get()).isEqualTo(SpectatorViewModel.LIVE_IDLE);

    events.publish(liveStep(Samples.SUBMISSION, 7, "http://s3/live/7.png"));
    int elsewhere = events.publish(liveStep(42L, 8, "http://s3/live/other.png"));

    assertThat(elsewhere).as("another submission's steps are not subscribed").isZero();
    assertThat(dashboard.liveNoteProperty().get())
        .isEqualTo("Live · job " + Samples.JOB + " on 5Grwva…utQY · classic/CartPole-v1:0 · episode 3 · step 7 · reward 1.000");
    assertThat(dashboard.liveFrames()).containsExactly(new FrameView("default", 7, FrameView.State.SHOWN, Optional.of(now), ""));

    events.publish(liveStep(Samples.SUBMISSION, 8, null));
    assertThat(dashboard.liveNoteProperty().get()).contains("step 8");
    assertThat(dashboard.liveFrames()).as("a step without frames keeps the last ones up").extracting(FrameView::step)
        .containsExactly(7);

    dashboard.selectedSubmissionProperty().set("42");
    assertThat(dashboard.liveNoteProperty().get()).isEqualTo(SpectatorViewModel.LIVE_IDLE);
    assertThat(dashboard.liveFrames()).isEmpty();
    assertThat(events.publish(liveStep(Samples.SUBMISSION, 9, "http://s3/live/7.png"))).as("the old subscription is closed")
        .isZero();
  }

  @Test
  void liveStepsArrivingWhileFramesLoadOnlyLoadTheNewestAfterwards() {
    java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
    dashboard.close();
    dashboard = new SpectatorViewModel(() -> api, frameLoader, events, BackgroundTasks.on(background::add, Runnable::run));
    dashboard.selectedSubmissionProperty().set(SUB);
    background.clear(); // the episode list of the selection: not under test here
    for (int step : new int[] {1, 2, 3}) {
      images.put("http://s3/live/" + step + ".png", image(1, 1));
    }

    events.publish(liveStep(Samples.SUBMISSION, 1, "http://s3/live/1.png"));
    events.publish(liveStep(Samples.SUBMISSION, 2, "http://s3/live/2.png"));
    events.publish(liveStep(Samples.SUBMISSION, 3, "http://s3/live/3.png"));
    while (!background.isEmpty()) {
      background.poll().run();
    }

    assertThat(loaded).containsExactly("http://s3/live/1.png", "http://s3/live/3.png");
    assertThat(dashboard.liveFrames()).extracting(FrameView::step).containsExactly(3);
  }

  private static EventPayload.EpisodeStep liveStep(long submission, int step, String url) {
    List<ObservationRef> refs = url == null ? List.of()
        : List.of(new ObservationRef("default", "kinitro-vault", "observations/" + step + ".png", Optional.of(URI.create(url))));
    return new EventPayload.EpisodeStep(Samples.JOB, submission, Samples.VALIDATOR, "classic/CartPole-v1:0", 3,
        new StepRecord(step, JsonNodeFactory.instance.arrayNode().add(1), 1.0, false, false, refs, null, Samples.T0));
  }

  /** A decoded image (JavaFX images need no running toolkit). */
  private static FrameImage image(int width, int height) {
    return new FrameImage(new WritableImage(width, height));
  }

  private static StepInfo step(int n, List<StepInfo.Frame> frames) {
    return new StepInfo(n, JsonNodeFactory.instance.arrayNode().add(n % 2), 1.0, false, false, frames, null);
  }

  private static StepInfo.Frame frame(String camera, String url) {
    return new StepInfo.Frame(camera, "kinitro-vault", "observations/" + camera + ".png", Optional.of(url));
  }

  @Test
  void theLinkStateIsShown() {
    events.linkState(LinkState.LIVE);

    assertThat(dashboard.linkProperty().get()).isEqualTo(LinkState.LIVE);
  }
}
