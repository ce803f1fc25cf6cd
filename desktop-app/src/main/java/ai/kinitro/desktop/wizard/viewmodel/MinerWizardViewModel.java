package ai.kinitro.desktop.wizard.viewmodel;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.common.protocol.realtime.EventType;
import ai.kinitro.common.protocol.realtime.SubscriptionFilter;
import ai.kinitro.common.wallet.PasswordSource;
import ai.kinitro.common.wallet.WalletLocator;
import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.api.EventSource;
import ai.kinitro.desktop.api.JobInfo;
import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.api.PublicApi;
import ai.kinitro.desktop.chart.viewmodel.EpisodeSeries;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.wizard.MinerServices;
import ai.kinitro.desktop.wizard.ValidationReport;
import ai.kinitro.env.benchmark.BenchmarkDefinition;
import ai.kinitro.miner.commit.CommitResult;
import ai.kinitro.miner.eval.Benchmarks;
import ai.kinitro.miner.eval.LocalEvalListener;
import ai.kinitro.miner.eval.LocalEvalReport;
import ai.kinitro.miner.pack.PackagedSubmission;
import ai.kinitro.miner.status.QueuePosition;
import ai.kinitro.miner.status.SubmissionProgress;
import ai.kinitro.miner.upload.UploadListener;
import ai.kinitro.miner.upload.UploadResult;
import ai.kinitro.miner.wallet.HotkeySpec;
import ai.kinitro.miner.wallet.MinerHotkey;
import ai.kinitro.rollout.EpisodeSummary;
import ai.kinitro.rollout.RolloutListener;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The miner wizard as a state machine of {@link WizardStep}s. Each step has a {@link StepStatus}
 * and a message (its result, or what went wrong and how to fix it); {@link #canRun} says when a
 * step may start: every step it needs is done (or skipped), its inputs are filled in and nothing
 * else runs. A step's work runs through {@link BackgroundTasks}; its result is kept, so a failed
 * step is retried on its own. Changing an input resets the steps that used it and everything that
 * needs them; results of a run that was overtaken by such a reset are dropped.
 *
 * <p>UI thread only. In tests {@link BackgroundTasks#sameThread()} makes every step synchronous.
 */
public final class MinerWizardViewModel implements AutoCloseable {
  static final List<EventType> SUBMISSION_EVENTS = List.of(EventType.SUBMISSION_RECEIVED, EventType.JOB_CREATED,
      EventType.EVALUATION_COMPLETED, EventType.EPISODE_COMPLETED);
  static final List<EventType> JOB_EVENTS = List.of(EventType.JOB_STATUS_CHANGED, EventType.JOB_COMPLETED);
  public static final String DEFAULT_CHAIN = ConnectionProfile.DEFAULT_CHAIN_URL;
  public static final int DEFAULT_NETUID = ConnectionProfile.DEFAULT_NETUID;
  /** How often the page asks for queue positions while a job of the followed submission waits. */
  public static final java.time.Duration QUEUE_REFRESH = java.time.Duration.ofSeconds(10);

  private final MinerServices services;
  private final Supplier<? extends PublicApi> api;
  private final Supplier<URI> backend;
  private final EventSource events;
  private final BackgroundTasks tasks;

  private final Map<WizardStep, ReadOnlyObjectWrapper<StepStatus>> status = new EnumMap<>(WizardStep.class);
  private final Map<WizardStep, ReadOnlyStringWrapper> message = new EnumMap<>(WizardStep.class);
  private final Map<WizardStep, Long> runToken = new EnumMap<>(WizardStep.class);
  private final Map<WizardStep, BooleanBinding> canRun = new EnumMap<>(WizardStep.class);

  // Inputs.
  private final ObjectProperty<Path> agentFolder = new SimpleObjectProperty<>();
  private final ObservableList<CompetitionInfo> competitions = FXCollections.observableArrayList();
  private final ObjectProperty<CompetitionInfo> competition = new SimpleObjectProperty<>();
  private final StringProperty version = new SimpleStringProperty("");
  private final ObjectProperty<HotkeySource> hotkeySource = new SimpleObjectProperty<>(HotkeySource.WALLET);
  private final StringProperty walletsDir = new SimpleStringProperty("");
  private final StringProperty walletName = new SimpleStringProperty(WalletLocator.DEFAULT_NAME);
  private final StringProperty hotkeyName = new SimpleStringProperty(WalletLocator.DEFAULT_NAME);
  private final StringProperty secretUri = new SimpleStringProperty("");
  private final StringProperty chainUrl = new SimpleStringProperty(DEFAULT_CHAIN);
  private final IntegerProperty netuid = new SimpleIntegerProperty(DEFAULT_NETUID);

  // Outputs.
  private final ReadOnlyStringWrapper competitionsProblem = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper passwordPrompt = new ReadOnlyStringWrapper("");
  private final ReadOnlyDoubleWrapper uploadProgress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper hotkeyAddress = new ReadOnlyStringWrapper("");
  private final EpisodeSeries localSeries = new EpisodeSeries("Local evaluation");
  private final EpisodeSeries followSeries = new EpisodeSeries("Evaluation");
  private final ObservableList<String> followLines = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper queueWatch = new ReadOnlyBooleanWrapper(false);
  private List<QueuePosition> waiting = List.of();
  private BiConsumer<String, Integer> chainCommitted = (url, subnet) -> { };

  // Results kept for later steps.
  private ValidationReport validation;
  private LocalEvalReport localReport;
  private MinerHotkey hotkey;
  private PackagedSubmission archive;
  private UploadResult upload;
  private CommitResult commit;
  private SubmissionProgress progress;
  private final List<EventSource.Subscription> followSubscriptions = new ArrayList<>();
  private final Set<Long> followedJobs = new HashSet<>();

  public MinerWizardViewModel(MinerServices services, Supplier<? extends PublicApi> api, Supplier<URI> backend,
      EventSource events, BackgroundTasks tasks, Path defaultWalletsDir) {
    this.services = Objects.requireNonNull(services, "services");
    this.api = Objects.requireNonNull(api, "api");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.events = Objects.requireNonNull(events, "events");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    walletsDir.set(defaultWalletsDir.toString());
    for (WizardStep step : WizardStep.values()) {
      status.put(step, new ReadOnlyObjectWrapper<>(step.requires().isEmpty() ? StepStatus.READY : StepStatus.WAITING));
      message.put(step, new ReadOnlyStringWrapper(""));
      runToken.put(step, 0L);
    }
    message(WizardStep.FOLDER, WizardStep.FOLDER.retryHint());
    List<Observable> deps = new ArrayList<>(status.values());
    deps.addAll(List.of(agentFolder, competition, busy, hotkeySource, walletsDir, walletName, hotkeyName, secretUri, chainUrl));
    for (WizardStep step : WizardStep.values()) {
      canRun.put(step, Bindings.createBooleanBinding(() -> runnable(step).isEmpty(), deps.toArray(Observable[]::new)));
    }
    agentFolder.addListener((obs, old, now) -> {
      reset(WizardStep.VALIDATE);
      if (now == null) {
        set(WizardStep.FOLDER, StepStatus.READY, WizardStep.FOLDER.retryHint());
      } else {
        set(WizardStep.FOLDER, StepStatus.DONE, now.toString());
        refreshWaiting();
      }
    });
    competition.addListener((obs, old, now) -> {
      // Local evaluation runs the competition's benchmarks and the upload goes to it.
      if (!Objects.equals(old, now)) {
        reset(WizardStep.LOCAL_EVAL);
        refreshWaiting();
      }
    });
    javafx.beans.value.ChangeListener<Object> hotkeyChanged = (obs, old, now) -> {
      passwordPrompt.set("");
      reset(WizardStep.HOTKEY);
    };
    for (javafx.beans.value.ObservableValue<?> input
        : List.<javafx.beans.value.ObservableValue<?>>of(hotkeySource, walletsDir, walletName, hotkeyName, secretUri)) {
      input.addListener(hotkeyChanged);
    }
  }

  // --- state for the view ------------------------------------------------------------------------

  public ReadOnlyObjectProperty<StepStatus> statusProperty(WizardStep step) {
    return status.get(step).getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty(WizardStep step) {
    return message.get(step).getReadOnlyProperty();
  }

  public StepStatus status(WizardStep step) {
    return status.get(step).get();
  }

  public String message(WizardStep step) {
    return message.get(step).get();
  }

  /** True when {@code step} may start now. */
  public BooleanBinding canRun(WizardStep step) {
    return canRun.get(step);
  }

  public BooleanBinding canSkip(WizardStep step) {
    return Bindings.createBooleanBinding(() -> step.optional() && !busy.get()
        && status(step) != StepStatus.RUNNING && status(step) != StepStatus.SKIPPED
        && step.requires().stream().allMatch(r -> status(r).satisfied()), status.get(step), busy, status.get(WizardStep.VALIDATE));
  }

  /** True while a step other than following runs. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ObjectProperty<Path> agentFolderProperty() {
    return agentFolder;
  }

  public ObservableList<CompetitionInfo> competitions() {
    return FXCollections.unmodifiableObservableList(competitions);
  }

  public ObjectProperty<CompetitionInfo> competitionProperty() {
    return competition;
  }

  /** Why the competitions could not be loaded; empty when they were. */
  public ReadOnlyStringProperty competitionsProblemProperty() {
    return competitionsProblem.getReadOnlyProperty();
  }

  public StringProperty versionProperty() {
    return version;
  }

  public ObjectProperty<HotkeySource> hotkeySourceProperty() {
    return hotkeySource;
  }

  public StringProperty walletsDirProperty() {
    return walletsDir;
  }

  public StringProperty walletNameProperty() {
    return walletName;
  }

  public StringProperty hotkeyNameProperty() {
    return hotkeyName;
  }

  public StringProperty secretUriProperty() {
    return secretUri;
  }

  public StringProperty chainUrlProperty() {
    return chainUrl;
  }

  public IntegerProperty netuidProperty() {
    return netuid;
  }

  /** Non-empty while the wizard needs the hotkey file's password: the question to ask. */
  public ReadOnlyStringProperty passwordPromptProperty() {
    return passwordPrompt.getReadOnlyProperty();
  }

  /** Share of the archive sent, 0..1. */
  public ReadOnlyDoubleProperty uploadProgressProperty() {
    return uploadProgress.getReadOnlyProperty();
  }

  /** The loaded hotkey's SS58 address, empty before. */
  public ReadOnlyStringProperty hotkeyAddressProperty() {
    return hotkeyAddress.getReadOnlyProperty();
  }

  public EpisodeSeries localSeries() {
    return localSeries;
  }

  public EpisodeSeries followSeries() {
    return followSeries;
  }

  /** One line per job of the followed submission (with its queue position while it waits). */
  public ObservableList<String> followLines() {
    return FXCollections.unmodifiableObservableList(followLines);
  }

  /**
   * True while the followed submission has no job yet or a job waits in a queue: the page then calls
   * {@link #refreshQueue()} every {@link #QUEUE_REFRESH} (the realtime channel has no queue-position
   * event). False once every job left its queue, or following stopped.
   */
  public ReadOnlyBooleanProperty queueWatchProperty() {
    return queueWatch.getReadOnlyProperty();
  }

  /** The followed submission's waiting jobs, as last read from {@code GET /jobs}. */
  public List<QueuePosition> waitingJobs() {
    return waiting;
  }

  /** Fills the chain inputs in (from the connection profile) without touching any step. */
  public void prefillChain(String url, int subnet) {
    chainUrl.set(Objects.requireNonNull(url, "url"));
    netuid.set(subnet);
  }

  /** Told (on the UI thread) the chain URL and netuid of each commit that succeeded, to remember them. */
  public void onChainCommitted(BiConsumer<String, Integer> listener) {
    chainCommitted = Objects.requireNonNull(listener, "listener");
  }

  public Optional<UploadResult> uploadResult() {
    return Optional.ofNullable(upload);
  }

  public Optional<CommitResult> commitResult() {
    return Optional.ofNullable(commit);
  }

  // --- actions -----------------------------------------------------------------------------------

  /** Loads the open competitions (for the competition choice). */
  public void loadCompetitions() {
    tasks.run("load competitions", () -> api.get().competitions(true), list -> {
      competitions.setAll(list);
      competitionsProblem.set(list.isEmpty() ? "The backend has no active competition to submit to yet." : "");
      if (competition.get() == null || list.stream().noneMatch(c -> c.id().equals(competition.get().id()))) {
        competition.set(list.isEmpty() ? null : list.getFirst());
      }
    }, error -> competitionsProblem.set("Could not load the competitions: " + describe(error)));
  }

  /** Starts (or retries) {@code step}. */
  public void run(WizardStep step) {
    Optional<String> blocked = runnable(step);
    if (blocked.isPresent()) {
      throw new KinitroException(ErrorCode.DESKTOP_STEP_NOT_READY, step.title() + " cannot start yet: " + blocked.get());
    }
    switch (step) {
      case FOLDER -> set(WizardStep.FOLDER, StepStatus.DONE, agentFolder.get().toString());
      case VALIDATE -> validate();
      case LOCAL_EVAL -> evaluate();
      case HOTKEY -> loadHotkey(null);
      case PACKAGE -> pack();
      case UPLOAD -> upload();
      case COMMIT -> commit();
      case FOLLOW -> follow();
    }
  }

  /** Skips the optional step. */
  public void skip(WizardStep step) {
    if (!step.optional()) {
      throw new KinitroException(ErrorCode.DESKTOP_STEP_NOT_READY, step.title() + " cannot be skipped");
    }
    invalidate(step);
    set(step, StepStatus.SKIPPED, "Skipped: the evaluators will be the first to run this agent on the benchmarks.");
    refreshWaiting();
  }

  /** The password the user typed for the encrypted hotkey file; loads the hotkey again with it. */
  public void submitPassword(char[] password) {
    Objects.requireNonNull(password, "password");
    passwordPrompt.set("");
    loadHotkey(password.clone());
    Arrays.fill(password, '\0');
  }

  /** The user closed the password dialog without a password. */
  public void cancelPassword() {
    passwordPrompt.set("");
    set(WizardStep.HOTKEY, StepStatus.FAILED, "The hotkey file is encrypted, so it cannot be used without its password. "
        + "Press Retry and enter the password you chose when you created the hotkey.");
  }

  @Override
  public void close() {
    stopFollowing();
  }

  // --- steps -------------------------------------------------------------------------------------

  private void validate() {
    Path folder = agentFolder.get();
    long max = maxArchiveBytes();
    execute(WizardStep.VALIDATE, "Checking the manifest and the archive rules…", () -> services.validate(folder, max), report -> {
      validation = report;
      return "Valid: " + report.manifest() + "; " + report.fileCount() + " files, " + report.sizeBytes()
          + " bytes, sha256 " + report.sha256().substring(0, 12) + "…\n" + String.join("\n", report.checks());
    });
  }

  private void evaluate() {
    Path folder = agentFolder.get();
    CompetitionInfo chosen = competition.get();
    localSeries.clear();
    execute(WizardStep.LOCAL_EVAL, "Starting the agent in the local sandbox…", () -> {
      long token = tokenOf(WizardStep.LOCAL_EVAL);
      List<BenchmarkDefinition> defs = Benchmarks.parse(chosen.benchmarks(), "competition '" + chosen.name() + "'");
      return services.evaluate(folder, defs, new LocalEvalListener() {
        @Override
        public void passed(String step) {
          onUi(WizardStep.LOCAL_EVAL, token, () -> message(WizardStep.LOCAL_EVAL, step));
        }

        @Override
        public void episodeFinished(EpisodeSummary episode) {
          onUi(WizardStep.LOCAL_EVAL, token, () -> localSeries.add(episode.totalReward(), episode.success()));
        }

        @Override
        public void progress(RolloutListener.Progress p) {
          onUi(WizardStep.LOCAL_EVAL, token, () -> message(WizardStep.LOCAL_EVAL,
              "Episode " + p.episodesFinished() + " of " + p.totalEpisodes() + " (" + p.stepsTaken() + " steps)"));
        }
      });
    }, report -> {
      localReport = report;
      return String.format(Locale.ROOT, "%s: %d episodes, mean reward %.2f, success rate %.0f %%. Results in %s",
          report.completed() ? "Finished" : "Stopped early", localSeries.points().size(), localSeries.meanReward(),
          100 * localSeries.successRate(), report.runDir());
    });
  }

  private void loadHotkey(char[] password) {
    HotkeySpec spec;
    try {
      spec = hotkeySpec();
    } catch (KinitroException e) {
      set(WizardStep.HOTKEY, StepStatus.FAILED, explain(WizardStep.HOTKEY, e));
      return;
    }
    AtomicReference<Path> asked = new AtomicReference<>();
    PasswordSource passwords = keyfile -> {
      asked.set(keyfile);
      return password == null ? null : password.clone();
    };
    long token = start(WizardStep.HOTKEY, "Reading " + spec.describe() + "…");
    tasks.run("load hotkey", () -> services.loadHotkey(spec, passwords), loaded -> {
      wipe(password);
      if (current(WizardStep.HOTKEY, token)) {
        hotkey = loaded;
        hotkeyAddress.set(loaded.ss58());
        finish(WizardStep.HOTKEY, "Hotkey " + loaded.ss58() + " from " + loaded.source());
      }
    }, error -> {
      wipe(password);
      if (!current(WizardStep.HOTKEY, token)) {
        return;
      }
      if (error instanceof KinitroException ke && ke.code() == ErrorCode.WRONG_PASSWORD && asked.get() != null) {
        passwordPrompt.set(password == null
            ? "The hotkey file " + asked.get() + " is encrypted. Enter its password:"
            : "That password does not decrypt " + asked.get() + ". Try again:");
      }
      fail(WizardStep.HOTKEY, error);
    });
  }

  private void pack() {
    Path folder = agentFolder.get();
    long max = maxArchiveBytes();
    execute(WizardStep.PACKAGE, "Packing the folder…", () -> services.pack(folder, max), packed -> {
      archive = packed;
      return "Packed " + packed.fileCount() + " files into " + packed.archive() + " (" + packed.sizeBytes()
          + " bytes, sha256 " + packed.sha256() + ")";
    });
  }

  private void upload() {
    URI target = backend.get();
    PackagedSubmission file = archive;
    String competitionId = competition.get().id();
    Optional<String> chosenVersion = Optional.of(version.get().strip()).filter(v -> !v.isEmpty());
    MinerHotkey key = hotkey;
    uploadProgress.set(0);
    execute(WizardStep.UPLOAD, "Asking " + target + " for an upload URL…", () -> {
      long token = tokenOf(WizardStep.UPLOAD);
      return services.upload(target, file, competitionId, chosenVersion, key, new UploadListener() {
        @Override
        public void granted(ai.kinitro.miner.backend.UploadTicket ticket, String v) {
          onUi(WizardStep.UPLOAD, token, () -> message(WizardStep.UPLOAD, "Uploading version " + v + " as submission "
              + ticket.submissionId() + "…"));
        }

        @Override
        public void progress(long sent, long total) {
          onUi(WizardStep.UPLOAD, token, () -> uploadProgress.set(total <= 0 ? 0 : Math.min(1, (double) sent / total)));
        }

        @Override
        public void retrying(String reason, int attempt, java.time.Duration wait) {
          onUi(WizardStep.UPLOAD, token, () -> message(WizardStep.UPLOAD, "The store did not take it (" + reason
              + "); attempt " + attempt + " in " + wait.toSeconds() + " s…"));
        }

        @Override
        public void renewing(String reason, String v) {
          onUi(WizardStep.UPLOAD, token, () -> message(WizardStep.UPLOAD, reason + "; renewing the upload URL (version "
              + v + ")…"));
        }

        @Override
        public void requestingNewUpload(String reason, String newVersion) {
          onUi(WizardStep.UPLOAD, token, () -> message(WizardStep.UPLOAD, reason + "; asking for a new upload as version "
              + newVersion + "…"));
        }
      });
    }, result -> {
      upload = result;
      uploadProgress.set(1);
      return "Stored as submission " + result.submissionId() + " (version " + result.version() + "). Next: commit '"
          + result.commitment() + "' on chain.";
    });
  }

  private void commit() {
    String chainText = chainUrl.get().strip();
    URI chain;
    try {
      chain = URI.create(chainUrl.get().strip());
    } catch (IllegalArgumentException e) {
      set(WizardStep.COMMIT, StepStatus.FAILED, explain(WizardStep.COMMIT, new KinitroException(ErrorCode.DESKTOP_FORM_INVALID,
          "'" + chainUrl.get() + "' is not a chain URL; use e.g. ws://127.0.0.1:9944")));
      return;
    }
    int subnet = netuid.get();
    MinerHotkey key = hotkey;
    String text = upload.commitment();
    execute(WizardStep.COMMIT, "Committing '" + text + "' on subnet " + subnet + " at " + chain + "…",
        () -> services.commit(chain, subnet, key, text), result -> {
          commit = result;
          chainCommitted.accept(chainText, subnet);
          return "Committed on subnet " + result.netuid() + " (" + result.status()
              + result.block().stream().mapToObj(b -> ", block " + b).findFirst().orElse("") + "), tx " + result.txHash()
              + ". The backend picks it up on its next chain poll.";
        });
  }

  private void follow() {
    stopFollowing();
    long submission = Long.parseLong(upload.submissionId());
    progress = SubmissionProgress.start(upload.submissionId());
    followSeries.clear();
    followLines.clear();
    long token = start(WizardStep.FOLLOW, "Waiting for the backend to match the commitment to the upload…");
    busy.set(false); // following is long-lived and does not block other steps
    followSubscriptions.add(events.subscribe(SUBMISSION_EVENTS, filter(Optional.empty(), Optional.of(submission)),
        e -> onFollowEvent(token, e.payload())));
    queueWatch.set(true);
    refreshQueue();
  }

  /**
   * Reads the followed submission's jobs ({@code GET /jobs}) for their queue positions. The page
   * calls it every {@link #QUEUE_REFRESH} while {@link #queueWatchProperty()} is true; the wizard
   * calls it itself when a job is created or queued again. A failed read keeps the last positions.
   */
  public void refreshQueue() {
    if (upload == null || status(WizardStep.FOLLOW) != StepStatus.RUNNING) {
      return;
    }
    long token = tokenOf(WizardStep.FOLLOW);
    String submission = upload.submissionId();
    tasks.run("read queue positions", () -> api.get().jobs(Optional.empty(), Optional.of(submission)), jobs -> {
      if (!current(WizardStep.FOLLOW, token) || status(WizardStep.FOLLOW) != StepStatus.RUNNING) {
        return;
      }
      waiting = waitingOf(jobs);
      queueWatch.set(jobs.isEmpty() || !waiting.isEmpty());
      showFollowLines();
    }, error -> { });
  }

  static List<QueuePosition> waitingOf(List<JobInfo> jobs) {
    List<QueuePosition> out = new ArrayList<>();
    for (JobInfo job : jobs) {
      long id = Long.parseLong(job.id());
      if (job.validators().isEmpty()) {
        if (EvaluationStatus.QUEUED.name().equals(job.status())) {
          out.add(new QueuePosition(id, job.benchmarkName(), Optional.empty(), Optional.empty()));
        }
        continue;
      }
      for (JobInfo.Assignment a : job.validators()) {
        if (QueuePosition.QUEUED_ASSIGNMENT_STATUSES.contains(a.status())) {
          out.add(new QueuePosition(id, job.benchmarkName(), Optional.of(a.validatorHotkey()), a.queuePosition()));
        }
      }
    }
    return List.copyOf(out);
  }

  private void onFollowEvent(long token, EventPayload payload) {
    if (!current(WizardStep.FOLLOW, token)) {
      return;
    }
    boolean queuedAgain = false;
    if (payload instanceof EventPayload.JobCreated c && followedJobs.add(c.jobId())) {
      followSubscriptions.add(events.subscribe(JOB_EVENTS, filter(Optional.of(c.jobId()), Optional.empty()),
          e -> onFollowEvent(token, e.payload())));
      queuedAgain = true;
    }
    if (payload instanceof EventPayload.JobStatusChanged s && s.validatorHotkey().isPresent()) {
      if (s.status() == EvaluationStatus.QUEUED) {
        queuedAgain = true;
      } else {
        // it left that validator's queue: the last read position no longer holds
        waiting = waiting.stream().filter(q -> !(q.jobId() == s.jobId() && q.validatorHotkey().equals(s.validatorHotkey())))
            .toList();
      }
    }
    if (payload instanceof EventPayload.EpisodeCompleted ep) {
      followSeries.add(ep.finalReward(), ep.success());
    }
    progress = progress.with(payload);
    showFollowLines();
    String summary = summary(progress);
    if (progress.done()) {
      status.get(WizardStep.FOLLOW).set(StepStatus.DONE);
      queueWatch.set(false);
      message(WizardStep.FOLLOW, "Evaluation finished. " + summary);
    } else {
      message(WizardStep.FOLLOW, summary);
      if (queuedAgain) {
        queueWatch.set(true);
        refreshQueue();
      }
    }
  }

  private void showFollowLines() {
    List<String> lines = new ArrayList<>(progress.jobs().values().stream().map(j -> describe(j, waiting)).toList());
    // jobs the REST read knows before their job_created event arrived
    waiting.stream().filter(q -> !progress.jobs().containsKey(q.jobId())).map(MinerWizardViewModel::describe)
        .distinct().forEach(lines::add);
    followLines.setAll(lines);
  }

  private String summary(SubmissionProgress p) {
    StringBuilder s = new StringBuilder();
    p.received().ifPresentOrElse(r -> s.append("Received at block ").append(r.commitmentBlock())
            .append("; hold-out until ").append(r.holdoutReleaseAt()).append(". "),
        () -> s.append("Not matched to the upload yet (the backend polls the chain). "));
    s.append(p.jobs().size()).append(p.jobs().size() == 1 ? " job, " : " jobs, ")
        .append(p.episodesCompleted()).append(" episodes finished");
    if (!followSeries.points().isEmpty()) {
      s.append(String.format(Locale.ROOT, ", mean reward %.2f, success rate %.0f %%", followSeries.meanReward(),
          100 * followSeries.successRate()));
    }
    return s.append('.').toString();
  }

  static String describe(SubmissionProgress.Job job) {
    return describe(job, List.of());
  }

  /** "cartpole: QUEUED on 5FHneW…94ty, position 3 in its queue". */
  static String describe(QueuePosition q) {
    return (q.benchmarkName().isEmpty() ? "job " + q.jobId() : q.benchmarkName()) + ": " + waitText(q);
  }

  private static String waitText(QueuePosition q) {
    return EvaluationStatus.QUEUED + q.validatorHotkey().map(v -> " on " + shortKey(v)
        + q.position().map(p -> ", position " + p + " in its queue").orElse(""))
        .orElse(", waiting for a validator to connect");
  }

  static String describe(SubmissionProgress.Job job, List<QueuePosition> waiting) {
    List<QueuePosition> mine = waiting.stream().filter(q -> q.jobId() == job.jobId()).toList();
    StringBuilder s = new StringBuilder(job.benchmarkName().isEmpty() ? "job " + job.jobId() : job.benchmarkName());
    s.append(": ");
    if (job.statuses().isEmpty()) {
      s.append(mine.isEmpty() ? EvaluationStatus.QUEUED.name()
          : String.join(", ", mine.stream().map(MinerWizardViewModel::waitText).toList()));
    } else {
      List<String> parts = new ArrayList<>();
      job.statuses().forEach((validator, st) -> parts.add(st + (validator.isEmpty() ? "" : " on " + shortKey(validator))
          + (st == EvaluationStatus.QUEUED ? mine.stream().filter(q -> q.validatorHotkey().equals(Optional.of(validator)))
              .flatMap(q -> q.position().stream()).map(p -> ", position " + p + " in its queue").findFirst().orElse("")
              : "")));
      s.append(String.join(", ", parts));
    }
    job.results().forEach(r -> r.metrics().ifPresent(m -> s.append(String.format(Locale.ROOT,
        "; %s: avg reward %.2f, success %.0f %%", shortKey(r.validatorHotkey()), m.avgReward(), 100 * m.successRate()))));
    return s.toString();
  }

  private void stopFollowing() {
    queueWatch.set(false);
    waiting = List.of();
    followSubscriptions.forEach(EventSource.Subscription::close);
    followSubscriptions.clear();
    followedJobs.clear();
  }

  // --- the state machine -------------------------------------------------------------------------

  /** Why {@code step} cannot start now, or empty when it can. */
  Optional<String> runnable(WizardStep step) {
    if (busy.get()) {
      return Optional.of("another step is running");
    }
    if (status(step) == StepStatus.RUNNING && step != WizardStep.FOLLOW) {
      return Optional.of("it is running");
    }
    List<String> missing = step.requires().stream().filter(r -> !status(r).satisfied()).map(r -> "'" + r.title() + "'").toList();
    if (!missing.isEmpty()) {
      return Optional.of(String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " not done yet");
    }
    return switch (step) {
      case FOLDER, VALIDATE, PACKAGE -> agentFolder.get() == null ? Optional.of("choose the agent folder first") : Optional.empty();
      case LOCAL_EVAL -> competition.get() == null
          ? Optional.of("choose a competition first: the local evaluation runs its benchmarks") : Optional.empty();
      case HOTKEY -> hotkeySource.get() == HotkeySource.SECRET_URI && secretUri.get().isBlank()
          ? Optional.of("enter the secret URI (e.g. //Dave on the local dev chain)")
          : hotkeySource.get() == HotkeySource.WALLET && (walletName.get().isBlank() || hotkeyName.get().isBlank())
              ? Optional.of("enter the wallet and hotkey names") : Optional.empty();
      case UPLOAD -> competition.get() == null ? Optional.of("choose the competition to submit to") : Optional.empty();
      case COMMIT -> chainUrl.get().isBlank() ? Optional.of("enter the chain URL") : Optional.empty();
      case FOLLOW -> Optional.empty();
    };
  }

  private long start(WizardStep step, String text) {
    long token = runToken.merge(step, 1L, Long::sum);
    set(step, StepStatus.RUNNING, text);
    busy.set(true);
    return token;
  }

  /**
   * Runs one step's work in the background. {@code done} stores the result and returns the step's
   * message; a result from a run that a reset overtook is dropped.
   */
  private <T> long execute(WizardStep step, String runningText, Callable<T> work, java.util.function.Function<T, String> done) {
    long token = start(step, runningText);
    tasks.run(step.title(), work, result -> {
      if (current(step, token)) {
        finish(step, done.apply(result));
      }
    }, error -> {
      if (current(step, token)) {
        fail(step, error);
      }
    });
    return token;
  }

  private void finish(WizardStep step, String text) {
    busy.set(false);
    set(step, StepStatus.DONE, text);
    refreshWaiting();
  }

  private void fail(WizardStep step, Throwable error) {
    busy.set(false);
    set(step, StepStatus.FAILED, explain(step, error));
  }

  /** Resets {@code step} and, transitively, every step that needs it. */
  private void reset(WizardStep step) {
    invalidate(step);
    for (WizardStep later : WizardStep.values()) {
      if (later.requires().contains(step)) {
        reset(later);
      }
    }
    refreshWaiting();
  }

  private void invalidate(WizardStep step) {
    if (status(step) == StepStatus.RUNNING) {
      busy.set(false);
    }
    runToken.merge(step, 1L, Long::sum);
    switch (step) {
      case FOLDER -> { }
      case VALIDATE -> validation = null;
      case LOCAL_EVAL -> {
        localReport = null;
        localSeries.clear();
      }
      case HOTKEY -> {
        hotkey = null;
        hotkeyAddress.set("");
      }
      case PACKAGE -> archive = null;
      case UPLOAD -> {
        upload = null;
        uploadProgress.set(0);
      }
      case COMMIT -> commit = null;
      case FOLLOW -> {
        stopFollowing();
        followSeries.clear();
        followLines.clear();
      }
    }
    if (step != WizardStep.FOLDER) {
      set(step, StepStatus.WAITING, "");
    }
  }

  /** Steps whose requirements are now met become READY; those whose are not go back to WAITING. */
  private void refreshWaiting() {
    for (WizardStep step : WizardStep.values()) {
      StepStatus now = status(step);
      boolean met = step.requires().stream().allMatch(r -> status(r).satisfied());
      if (now == StepStatus.WAITING && met) {
        set(step, StepStatus.READY, message(step));
      } else if (now == StepStatus.READY && !met) {
        set(step, StepStatus.WAITING, "");
      }
    }
  }

  private boolean current(WizardStep step, long token) {
    return tokenOf(step) == token;
  }

  private long tokenOf(WizardStep step) {
    return runToken.get(step);
  }

  /** Runs {@code update} on the UI thread if the step's run is still the current one. */
  private void onUi(WizardStep step, long token, Runnable update) {
    tasks.uiExecutor().execute(() -> {
      if (current(step, token) && status(step) == StepStatus.RUNNING) {
        update.run();
      }
    });
  }

  private void set(WizardStep step, StepStatus s, String text) {
    status.get(step).set(s);
    message.get(step).set(text);
  }

  private void message(WizardStep step, String text) {
    message.get(step).set(text);
  }

  private long maxArchiveBytes() {
    CompetitionInfo c = competition.get();
    return c == null ? Long.MAX_VALUE : c.submissionMaxSizeBytes().orElse(Long.MAX_VALUE);
  }

  HotkeySpec hotkeySpec() {
    return switch (hotkeySource.get()) {
      case SECRET_URI -> new HotkeySpec.DevUri(secretUri.get().strip());
      case WALLET -> {
        if (walletsDir.get().isBlank()) {
          throw new KinitroException(ErrorCode.DESKTOP_FORM_INVALID, "Enter the wallets folder (btcli's default is "
              + "~/.bittensor/wallets)");
        }
        try {
          yield new HotkeySpec.WalletFiles(new WalletLocator(Path.of(walletsDir.get().strip()), walletName.get().strip(),
              hotkeyName.get().strip()));
        } catch (KinitroException e) {
          throw new KinitroException(ErrorCode.DESKTOP_FORM_INVALID, e.getMessage(), e);
        }
      }
    };
  }

  static String explain(WizardStep step, Throwable error) {
    return step.title() + " failed: " + describe(error) + "\n" + step.retryHint();
  }

  static String describe(Throwable error) {
    if (error instanceof KinitroException ke) {
      return ke.getMessage() + " (error " + ke.code().number() + " " + ke.code().name() + ")";
    }
    return "unexpected " + error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage())
        + ". This is a bug in Kinitro; the log has the details";
  }

  private static SubscriptionFilter filter(Optional<Long> job, Optional<Long> submission) {
    return new SubscriptionFilter(Optional.empty(), Optional.empty(), Optional.empty(), job, submission);
  }

  private static String shortKey(String ss58) {
    return ss58.length() > 10 ? ss58.substring(0, 6) + "…" + ss58.substring(ss58.length() - 4) : ss58;
  }

  private static void wipe(char[] password) {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }
}
