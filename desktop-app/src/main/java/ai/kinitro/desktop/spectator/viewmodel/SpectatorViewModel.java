package ai.kinitro.desktop.spectator.viewmodel;

import ai.kinitro.common.protocol.ObservationRef;
import ai.kinitro.common.protocol.StepRecord;
import ai.kinitro.common.protocol.realtime.Event;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.api.EpisodeInfo;
import ai.kinitro.desktop.api.EventSource;
import ai.kinitro.desktop.api.FrameImage;
import ai.kinitro.desktop.api.FrameLoader;
import ai.kinitro.desktop.api.JobInfo;
import ai.kinitro.desktop.api.Leaderboard;
import ai.kinitro.desktop.api.PublicApi;
import ai.kinitro.desktop.api.StepInfo;
import ai.kinitro.desktop.api.SubmissionRank;
import ai.kinitro.desktop.api.WeightsInfo;
import ai.kinitro.desktop.chart.viewmodel.EpisodeSeries;
import ai.kinitro.desktop.task.BackgroundTasks;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The spectator dashboard: a REST snapshot (competitions, leaders, submission leaderboard, weights,
 * recent jobs) kept current by realtime events. Episode events extend the chart of their
 * submission; the selected submission's chart is back-filled from its stored episodes. Replays
 * step through an episode's logged steps and show each camera's stored frame where the backend
 * gave it a URL (frames are downloaded and decoded in the background, a few hundred kept for
 * stepping back and forth); a frame that cannot be loaded says why and the replay goes on. While
 * one of the selected submission's evaluations runs, its sampled steps arrive live ({@code
 * episode_step} events for that submission only) and the newest step's frames are shown: one load
 * at a time, and a step that arrives meanwhile replaces any older one still waiting. UI thread only.
 */
public final class SpectatorViewModel implements AutoCloseable {
  static final List<EventType> LIVE_EVENTS = List.of(EventType.JOB_CREATED, EventType.JOB_STATUS_CHANGED,
      EventType.JOB_COMPLETED, EventType.EPISODE_COMPLETED, EventType.EVALUATION_COMPLETED,
      EventType.LEADER_CANDIDATE_REVIEWED, EventType.COMPETITION_CREATED, EventType.COMPETITION_UPDATED,
      EventType.WEIGHTS_UPDATED, EventType.STATS_UPDATED);
  static final int MAX_JOBS = 200;
  public static final String LIVE_IDLE = "Nothing live: the selected submission has no evaluation sending steps now.";
  public static final String NO_FRAMES = "Frames are not available for this episode: none of its logged steps has a "
      + "frame URL (no frames were stored, or they are in the validator's own store, which this backend cannot sign for). "
      + "The step data is shown instead.";
  static final int IMAGE_CACHE = 256;

  private final Supplier<? extends PublicApi> api;
  private final FrameLoader frameLoader;
  private final BackgroundTasks tasks;
  private final EventSource events;
  private final EventSource.Subscription subscription;

  private final ObservableList<CompetitionInfo> competitions = FXCollections.observableArrayList();
  private final ObservableList<Leaderboard.CompetitionLeader> competitionLeaders = FXCollections.observableArrayList();
  private final ObservableList<Leaderboard.Leader> leaders = FXCollections.observableArrayList();
  private final ObservableList<SubmissionRank> ranks = FXCollections.observableArrayList();
  private final ObservableList<WeightsInfo.Entry> weights = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper weightsNote = new ReadOnlyStringWrapper("");
  private final ObservableList<JobProgress> jobs = FXCollections.observableArrayList();
  private final Map<String, EpisodeSeries> series = new LinkedHashMap<>();
  private final ObjectProperty<String> selectedSubmission = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<EpisodeSeries> selectedSeries = new ReadOnlyObjectWrapper<>();
  private final ObservableList<EpisodeInfo> episodes = FXCollections.observableArrayList();
  private final ObjectProperty<EpisodeInfo> selectedEpisode = new SimpleObjectProperty<>();
  private final ObservableList<StepInfo> steps = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper replayNote = new ReadOnlyStringWrapper("");
  private final ObjectProperty<StepInfo> selectedStep = new SimpleObjectProperty<>();
  private final ObservableList<FrameView> frames = FXCollections.observableArrayList();
  /** One read-only view, kept: a listener on a view that is dropped would stop hearing changes. */
  private final ObservableList<FrameView> framesView = FXCollections.unmodifiableObservableList(frames);
  private final ReadOnlyStringWrapper stepNote = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper liveNote = new ReadOnlyStringWrapper(LIVE_IDLE);
  private final ObservableList<FrameView> liveFrames = FXCollections.observableArrayList();
  private final ObservableList<FrameView> liveFramesView = FXCollections.unmodifiableObservableList(liveFrames);
  private EventSource.Subscription liveSubscription;
  /** A newer live step with frames that waits for the load in flight; null when none waits. */
  private EventPayload.EpisodeStep liveWaiting;
  private boolean liveLoading;
  private final BooleanBinding canPreviousStep;
  private final BooleanBinding canNextStep;
  private final Map<String, FrameImage> images = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, FrameImage> eldest) {
      return size() > IMAGE_CACHE;
    }
  };
  private final ReadOnlyObjectWrapper<EventSource.LinkState> link = new ReadOnlyObjectWrapper<>(EventSource.LinkState.CONNECTING);
  private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private long selectionToken;

  public SpectatorViewModel(Supplier<? extends PublicApi> api, FrameLoader frameLoader, EventSource events, BackgroundTasks tasks) {
    this.api = api;
    this.frameLoader = frameLoader;
    this.tasks = tasks;
    this.events = events;
    this.subscription = events.subscribe(LIVE_EVENTS, SubscriptionFilter.NONE, this::onEvent);
    events.onLinkState(link::set);
    selectedSubmission.addListener((obs, old, now) -> loadSubmission(now));
    selectedEpisode.addListener((obs, old, now) -> loadSteps(now));
    selectedStep.addListener((obs, old, now) -> showStep(now));
    canPreviousStep = Bindings.createBooleanBinding(() -> stepIndex() > 0, selectedStep, steps);
    canNextStep = Bindings.createBooleanBinding(() -> stepIndex() >= 0 && stepIndex() < steps.size() - 1, selectedStep, steps);
  }

  // --- state ---------------------------------------------------------------------------------

  public ObservableList<CompetitionInfo> competitions() {
    return FXCollections.unmodifiableObservableList(competitions);
  }

  public ObservableList<Leaderboard.CompetitionLeader> competitionLeaders() {
    return FXCollections.unmodifiableObservableList(competitionLeaders);
  }

  public ObservableList<Leaderboard.Leader> leaders() {
    return FXCollections.unmodifiableObservableList(leaders);
  }

  public ObservableList<SubmissionRank> ranks() {
    return FXCollections.unmodifiableObservableList(ranks);
  }

  public ObservableList<WeightsInfo.Entry> weights() {
    return FXCollections.unmodifiableObservableList(weights);
  }

  /** Which snapshot the weights are, or why there are none. */
  public ReadOnlyStringProperty weightsNoteProperty() {
    return weightsNote.getReadOnlyProperty();
  }

  /** Recent jobs, newest first, updated live. */
  public ObservableList<JobProgress> jobs() {
    return FXCollections.unmodifiableObservableList(jobs);
  }

  public ObjectProperty<String> selectedSubmissionProperty() {
    return selectedSubmission;
  }

  /** The chart data of the selected submission. */
  public ReadOnlyObjectProperty<EpisodeSeries> selectedSeriesProperty() {
    return selectedSeries.getReadOnlyProperty();
  }

  /** The chart data of one submission (created empty on first use). */
  public EpisodeSeries seriesOf(String submissionId) {
    return series.computeIfAbsent(submissionId, id -> new EpisodeSeries("Submission " + id));
  }

  public ObservableList<EpisodeInfo> episodes() {
    return FXCollections.unmodifiableObservableList(episodes);
  }

  public ObjectProperty<EpisodeInfo> selectedEpisodeProperty() {
    return selectedEpisode;
  }

  public ObservableList<StepInfo> steps() {
    return FXCollections.unmodifiableObservableList(steps);
  }

  /** What the replay can show (how many logged steps have frames, or why only step data). */
  public ReadOnlyStringProperty replayNoteProperty() {
    return replayNote.getReadOnlyProperty();
  }

  /** The replayed step (one of {@link #steps()}); its frames are in {@link #frames()}. */
  public ObjectProperty<StepInfo> selectedStepProperty() {
    return selectedStep;
  }

  /** One entry per camera of the selected step: its image, or why there is none. */
  public ObservableList<FrameView> frames() {
    return framesView;
  }

  /** Where the replay is ("Step 10 · 2 of 3 logged steps"), and whether that step has frames. */
  public ReadOnlyStringProperty stepNoteProperty() {
    return stepNote.getReadOnlyProperty();
  }

  /** The newest live step of the selected submission ("Live · job … · step …"), or why there is none. */
  public ReadOnlyStringProperty liveNoteProperty() {
    return liveNote.getReadOnlyProperty();
  }

  /** One entry per camera of the newest live step that had frames. */
  public ObservableList<FrameView> liveFrames() {
    return liveFramesView;
  }

  public BooleanBinding canPreviousStep() {
    return canPreviousStep;
  }

  public BooleanBinding canNextStep() {
    return canNextStep;
  }

  /** Replays the previous logged step. */
  public void previousStep() {
    if (canPreviousStep.get()) {
      selectedStep.set(steps.get(stepIndex() - 1));
    }
  }

  /** Replays the next logged step. */
  public void nextStep() {
    if (canNextStep.get()) {
      selectedStep.set(steps.get(stepIndex() + 1));
    }
  }

  private int stepIndex() {
    StepInfo s = selectedStep.get();
    return s == null ? -1 : steps.indexOf(s);
  }

  public ReadOnlyObjectProperty<EventSource.LinkState> linkProperty() {
    return link.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statsProperty() {
    return stats.getReadOnlyProperty();
  }

  /** Why the last load failed; empty when it worked. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  // --- loading -------------------------------------------------------------------------------

  private record Snapshot(List<CompetitionInfo> competitions, Leaderboard leaderboard, List<SubmissionRank> ranks,
      Optional<WeightsInfo> weights, List<JobInfo> jobs) {}

  /** Loads the whole dashboard. */
  public void refresh() {
    tasks.run("load dashboard", () -> {
      PublicApi a = api.get();
      return new Snapshot(a.competitions(false), a.leaderboard(), a.submissionLeaderboard(Optional.empty()), a.weights(),
          a.jobs(Optional.empty(), Optional.empty()));
    }, s -> {
      problem.set("");
      competitions.setAll(s.competitions());
      competitionLeaders.setAll(s.leaderboard().competitions());
      leaders.setAll(s.leaderboard().leaders());
      ranks.setAll(s.ranks());
      showWeights(s.weights());
      jobs.setAll(s.jobs().stream().limit(MAX_JOBS).map(SpectatorViewModel::progressOf).toList());
      if (selectedSubmission.get() == null && !s.ranks().isEmpty()) {
        selectedSubmission.set(s.ranks().getFirst().submissionId());
      }
    }, e -> problem.set("Could not load the dashboard: " + e.getMessage()));
  }

  private void refreshLeaders() {
    tasks.run("load leaders", () -> api.get().leaderboard(), board -> {
      competitionLeaders.setAll(board.competitions());
      leaders.setAll(board.leaders());
    }, e -> problem.set("Could not load the leaders: " + e.getMessage()));
  }

  private void refreshRanks() {
    tasks.run("load leaderboard", () -> api.get().submissionLeaderboard(Optional.empty()), ranks::setAll,
        e -> problem.set("Could not load the leaderboard: " + e.getMessage()));
  }

  private void refreshCompetitions() {
    tasks.run("load competitions", () -> api.get().competitions(false), competitions::setAll,
        e -> problem.set("Could not load the competitions: " + e.getMessage()));
  }

  private void loadSubmission(String submissionId) {
    long token = ++selectionToken;
    episodes.clear();
    selectedEpisode.set(null);
    followLive(submissionId);
    if (submissionId == null) {
      selectedSeries.set(null);
      return;
    }
    EpisodeSeries s = seriesOf(submissionId);
    selectedSeries.set(s);
    tasks.run("load episodes", () -> api.get().episodes(Optional.of(submissionId), Optional.empty()), list -> {
      if (token != selectionToken) {
        return;
      }
      List<EpisodeInfo> finished = list.stream().filter(e -> e.finalReward().isPresent())
          .sorted(Comparator.comparing((EpisodeInfo e) -> e.endedAt().orElse(Instant.EPOCH)).thenComparing(EpisodeInfo::id))
          .toList();
      episodes.setAll(finished);
      if (s.points().size() < finished.size()) {
        // Back-fill from the store: the chart then holds every stored episode in order.
        s.clear();
        finished.forEach(e -> s.add(e.finalReward().orElseThrow(), e.success().orElse(false)));
      }
    }, e -> problem.set("Could not load the episodes of submission " + submissionId + ": " + e.getMessage()));
  }

  private void loadSteps(EpisodeInfo episode) {
    selectedStep.set(null);
    steps.clear();
    replayNote.set("");
    if (episode == null) {
      return;
    }
    tasks.run("load steps", () -> api.get().steps(episode.id()), list -> {
      if (episode != selectedEpisode.get()) {
        return;
      }
      steps.setAll(list);
      long withFrames = list.stream().filter(StepInfo::hasFrames).count();
      replayNote.set(list.isEmpty() ? "No steps were logged for this episode."
          : withFrames == 0 ? NO_FRAMES
          : withFrames + " of " + list.size() + " logged steps have frames.");
      selectedStep.set(list.stream().filter(StepInfo::hasFrames).findFirst().orElse(list.isEmpty() ? null : list.getFirst()));
    }, e -> replayNote.set("Could not load the steps: " + e.getMessage()));
  }

  private void showStep(StepInfo step) {
    frames.clear();
    if (step == null) {
      stepNote.set("");
      return;
    }
    int index = steps.indexOf(step);
    stepNote.set("Step " + step.step() + " · " + (index + 1) + " of " + steps.size() + " logged steps"
        + (step.observationRefs().isEmpty() ? " · no frame was logged at this step" : ""));
    for (StepInfo.Frame ref : step.observationRefs()) {
      Optional<String> url = ref.url();
      FrameImage cached = url.map(images::get).orElse(null);
      frames.add(url.isEmpty() ? FrameView.noUrl(ref.camera(), step.step())
          : cached != null ? FrameView.shown(ref.camera(), step.step(), cached)
          : FrameView.loading(ref.camera(), step.step()));
    }
    for (int i = 0; i < step.observationRefs().size(); i++) {
      StepInfo.Frame ref = step.observationRefs().get(i);
      if (frames.get(i).state() != FrameView.State.LOADING) {
        continue;
      }
      int slot = i;
      String url = ref.url().orElseThrow();
      tasks.run("load frame", () -> frameLoader.load(url), image -> {
        images.put(url, image);
        if (selectedStep.get() == step) {
          frames.set(slot, FrameView.shown(ref.camera(), step.step(), image));
        }
      }, e -> {
        if (selectedStep.get() == step) {
          frames.set(slot, FrameView.failed(ref.camera(), step.step(),
              java.util.Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())));
        }
      });
    }
  }

  // --- live steps of the selected submission -------------------------------------------------

  private void followLive(String submissionId) {
    if (liveSubscription != null) {
      liveSubscription.close();
      liveSubscription = null;
    }
    liveFrames.clear();
    liveWaiting = null;
    liveLoading = false;
    liveNote.set(LIVE_IDLE);
    if (submissionId == null) {
      return;
    }
    long id;
    try {
      id = Long.parseLong(submissionId);
    } catch (NumberFormatException e) {
      return;
    }
    SubscriptionFilter filter = new SubscriptionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(id));
    long token = selectionToken;
    liveSubscription = events.subscribe(List.of(EventType.EPISODE_STEP), filter, event -> {
      if (token == selectionToken && event.payload() instanceof EventPayload.EpisodeStep step) {
        onLiveStep(step);
      }
    });
  }

  void onLiveStep(EventPayload.EpisodeStep live) {
    StepRecord s = live.step();
    liveNote.set("Live · job " + live.jobId() + " on " + shortKey(live.validatorHotkey()) + " · " + live.taskId()
        + " · episode " + live.episodeIndex() + " · step " + s.step() + " · reward " + String.format(java.util.Locale.ROOT,
        "%.3f", s.reward()) + (s.done() ? " · episode ended" : s.truncated() ? " · episode truncated" : ""));
    if (s.observationRefs().isEmpty()) {
      return; // the frames of the last step that had some stay up
    }
    if (liveLoading) {
      liveWaiting = live;
      return;
    }
    loadLive(live);
  }

  /** Loads every camera of {@code live} in one background task, then the step that waited meanwhile. */
  private void loadLive(EventPayload.EpisodeStep live) {
    liveLoading = true;
    long token = selectionToken;
    int step = live.step().step();
    List<ObservationRef> refs = live.step().observationRefs();
    tasks.run("load live frames", () -> refs.stream().map(ref -> {
      if (ref.url().isEmpty()) {
        return FrameView.noUrl(ref.camera(), step);
      }
      try {
        return FrameView.shown(ref.camera(), step, frameLoader.load(ref.url().get().toString()));
      } catch (RuntimeException e) {
        return FrameView.failed(ref.camera(), step, java.util.Objects.requireNonNullElse(e.getMessage(),
            e.getClass().getSimpleName()));
      }
    }).toList(), views -> liveLoaded(token, views), e -> liveLoaded(token, List.of()));
  }

  private void liveLoaded(long token, List<FrameView> views) {
    if (token != selectionToken) {
      return;
    }
    if (!views.isEmpty()) {
      liveFrames.setAll(views);
    }
    liveLoading = false;
    EventPayload.EpisodeStep next = liveWaiting;
    liveWaiting = null;
    if (next != null) {
      loadLive(next);
    }
  }

  // --- live events ---------------------------------------------------------------------------

  void onEvent(Event event) {
    switch (event.payload()) {
      case EventPayload.JobCreated c -> {
        jobs.addFirst(new JobProgress(Long.toString(c.jobId()), Long.toString(c.submissionId()), c.benchmarkName(), "QUEUED",
            0, 0));
        if (jobs.size() > MAX_JOBS) {
          jobs.remove(MAX_JOBS, jobs.size());
        }
      }
      case EventPayload.JobStatusChanged s -> updateJob(s.jobId(), j -> j.withStatus(s.status()
          + s.validatorHotkey().map(v -> " on " + shortKey(v)).orElse("")));
      case EventPayload.JobCompleted c -> updateJob(c.jobId(), j -> j.withStatus(c.status()
          + c.validatorHotkey().map(v -> " on " + shortKey(v)).orElse("")));
      case EventPayload.EpisodeCompleted e -> {
        seriesOf(Long.toString(e.submissionId())).add(e.finalReward(), e.success());
        updateJob(e.jobId(), JobProgress::withEpisode);
        if (selectedSubmission.get() == null) {
          selectedSubmission.set(Long.toString(e.submissionId()));
        }
      }
      case EventPayload.EvaluationCompleted e -> refreshRanks();
      case EventPayload.LeaderCandidateReviewed r -> refreshLeaders();
      case EventPayload.CompetitionCreated c -> {
        refreshCompetitions();
        refreshLeaders();
      }
      case EventPayload.CompetitionUpdated c -> {
        refreshCompetitions();
        refreshLeaders();
      }
      case EventPayload.WeightsUpdated w -> showWeights(Optional.of(new WeightsInfo(w.snapshotId(), w.netuid(),
          Optional.of(w.computedAt()), w.entries().stream().map(x -> new WeightsInfo.Entry(x.uid(), x.hotkey(), x.weight()))
          .toList())));
      case EventPayload.StatsUpdated s -> stats.set(s.connectedValidators() + " validators connected · "
          + s.totalSubmissions() + " submissions · " + s.completedJobs() + " jobs completed, " + s.failedJobs() + " failed");
      case EventPayload.EpisodeStep s -> { }
      case EventPayload.SubmissionReceived r -> { }
      case EventPayload.ValidatorConnected v -> { }
      case EventPayload.ValidatorDisconnected v -> { }
      case EventPayload.LeaderCandidateCreated c -> { }
    }
  }

  private void updateJob(long jobId, java.util.function.UnaryOperator<JobProgress> change) {
    String id = Long.toString(jobId);
    jobs.replaceAll(j -> j.jobId().equals(id) ? change.apply(j) : j);
  }

  private void showWeights(Optional<WeightsInfo> w) {
    weights.setAll(w.map(WeightsInfo::entries).orElse(List.of()));
    weightsNote.set(w.map(x -> "Snapshot " + x.snapshotId() + " for subnet " + x.netuid()
            + x.computedAt().map(t -> ", computed " + t).orElse(""))
        .orElse("No weights computed yet: the first score cycle runs shortly after the backend starts."));
  }

  static JobProgress progressOf(JobInfo j) {
    int done = j.validators().stream().mapToInt(JobInfo.Assignment::progressEpisodes).sum();
    int total = j.validators().stream().map(JobInfo.Assignment::totalEpisodes).flatMap(Optional::stream)
        .mapToInt(Integer::intValue).sum();
    String status = j.validators().isEmpty() ? j.status() : String.join(", ", j.validators().stream()
        .map(a -> a.status() + " on " + shortKey(a.validatorHotkey())).toList());
    return new JobProgress(j.id(), j.submissionId(), j.benchmarkName(), status, done, total);
  }

  private static String shortKey(String ss58) {
    return ss58.length() > 12 ? ss58.substring(0, 6) + "…" + ss58.substring(ss58.length() - 4) : ss58;
  }

  @Override
  public void close() {
    subscription.close();
    if (liveSubscription != null) {
      liveSubscription.close();
    }
  }
}
