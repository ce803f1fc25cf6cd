package ai.kinitro.desktop.wizard;

import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.COMMIT;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.FOLDER;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.FOLLOW;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.HOTKEY;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.LOCAL_EVAL;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.PACKAGE;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.UPLOAD;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.VALIDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.EvaluationStatus;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.desktop.api.JobInfo;
import ai.kinitro.desktop.chart.viewmodel.EpisodePoint;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.testing.FakeBackendApi;
import ai.kinitro.desktop.testing.FakeEventSource;
import ai.kinitro.desktop.testing.Samples;
import ai.kinitro.desktop.wizard.viewmodel.HotkeySource;
import ai.kinitro.desktop.wizard.viewmodel.MinerWizardViewModel;
import ai.kinitro.desktop.wizard.viewmodel.StepStatus;
import ai.kinitro.desktop.wizard.viewmodel.WizardStep;
import ai.kinitro.miner.status.QueuePosition;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wizard's state machine without a UI: every step runs synchronously on the test thread. */
class MinerWizardViewModelTest {
  private static final Path AGENT = Path.of("/home/miner/agent");

  private final FakeMinerServices services = new FakeMinerServices();
  private final FakeBackendApi api = new FakeBackendApi();
  private final FakeEventSource events = new FakeEventSource();
  private MinerWizardViewModel wizard;

  @BeforeEach
  void setUp() {
    api.competitions.add(Samples.competition());
    wizard = new MinerWizardViewModel(services, () -> api, () -> URI.create("http://127.0.0.1:8080"), events,
        BackgroundTasks.sameThread(), Path.of("/home/miner/.bittensor/wallets"));
    wizard.hotkeySourceProperty().set(HotkeySource.SECRET_URI);
    wizard.secretUriProperty().set("//Dave");
  }

  private Map<WizardStep, StepStatus> statuses() {
    Map<WizardStep, StepStatus> m = new EnumMap<>(WizardStep.class);
    for (WizardStep s : WizardStep.values()) {
      m.put(s, wizard.status(s));
    }
    return m;
  }

  private static Map<WizardStep, StepStatus> expected(StepStatus... in) {
    Map<WizardStep, StepStatus> m = new EnumMap<>(WizardStep.class);
    for (WizardStep s : WizardStep.values()) {
      m.put(s, in[s.ordinal()]);
    }
    return m;
  }

  private void throughUpload() {
    wizard.loadCompetitions();
    wizard.agentFolderProperty().set(AGENT);
    wizard.run(VALIDATE);
    wizard.skip(LOCAL_EVAL);
    wizard.run(HOTKEY);
    wizard.run(PACKAGE);
    wizard.run(UPLOAD);
  }

  @Test
  void atFirstOnlyTheFolderAndTheHotkeyCanBeChosen() {
    assertThat(statuses()).isEqualTo(expected(StepStatus.READY, StepStatus.WAITING, StepStatus.WAITING, StepStatus.READY,
        StepStatus.WAITING, StepStatus.WAITING, StepStatus.WAITING, StepStatus.WAITING));
    assertThat(wizard.canRun(HOTKEY).get()).isTrue();
    assertThat(wizard.canRun(UPLOAD).get()).isFalse();
  }

  @Test
  void aStepWhoseRequirementsAreNotDoneRefusesToStartAndSaysWhich() {
    wizard.agentFolderProperty().set(AGENT);

    assertThatThrownBy(() -> wizard.run(UPLOAD)).isInstanceOfSatisfying(KinitroException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.DESKTOP_STEP_NOT_READY);
      assertThat(e.getMessage()).isEqualTo("Upload cannot start yet: 'Wallet and hotkey' and 'Package' are not done yet");
    });
  }

  @Test
  void choosingTheFolderMakesValidationReady() {
    wizard.agentFolderProperty().set(AGENT);

    assertThat(wizard.status(FOLDER)).isEqualTo(StepStatus.DONE);
    assertThat(wizard.status(VALIDATE)).isEqualTo(StepStatus.READY);
    assertThat(wizard.canRun(VALIDATE).get()).isTrue();
  }

  @Test
  void aFailedValidationSaysWhatIsWrongAndHowToFixItAndIsRetriedOnItsOwn() {
    wizard.agentFolderProperty().set(AGENT);
    services.failNext("validate", new KinitroException(ErrorCode.INVALID_ARGUMENT,
        "kinitro-agent.json: 'command' must be a non-empty list of strings"));

    wizard.run(VALIDATE);

    assertThat(wizard.status(VALIDATE)).isEqualTo(StepStatus.FAILED);
    assertThat(wizard.message(VALIDATE)).isEqualTo("Validate failed: kinitro-agent.json: 'command' must be a non-empty list of "
        + "strings (error 1000 INVALID_ARGUMENT)\nFix the folder as the message says and press Retry.");
    assertThat(wizard.canRun(VALIDATE).get()).isTrue();

    wizard.run(VALIDATE);

    assertThat(wizard.status(VALIDATE)).isEqualTo(StepStatus.DONE);
    assertThat(wizard.message(VALIDATE)).startsWith("Valid: command java -jar lib/agent.jar; 3 files, 4096 bytes");
    assertThat(wizard.status(FOLDER)).isEqualTo(StepStatus.DONE);
    assertThat(services.calls("validate")).isEqualTo(2);
  }

  @Test
  void theLocalEvaluationFeedsTheChartEpisodeByEpisode() {
    wizard.loadCompetitions();
    wizard.agentFolderProperty().set(AGENT);
    wizard.run(VALIDATE);

    wizard.run(LOCAL_EVAL);

    assertThat(wizard.localSeries().points()).containsExactly(new EpisodePoint(1, 10, true, 1.0),
        new EpisodePoint(2, 30, false, 0.5), new EpisodePoint(3, 20, true, 2.0 / 3));
    assertThat(wizard.status(LOCAL_EVAL)).isEqualTo(StepStatus.DONE);
    assertThat(wizard.message(LOCAL_EVAL)).startsWith("Finished: 3 episodes, mean reward 20.00, success rate 67 %");
    assertThat(wizard.status(PACKAGE)).isEqualTo(StepStatus.READY);
  }

  @Test
  void withoutACompetitionTheLocalEvaluationSaysWhatItNeeds() {
    wizard.agentFolderProperty().set(AGENT);
    wizard.run(VALIDATE);

    assertThatThrownBy(() -> wizard.run(LOCAL_EVAL)).hasMessageContaining("choose a competition first");
  }

  @Test
  void skippingTheLocalEvaluationLetsPackagingStart() {
    wizard.agentFolderProperty().set(AGENT);
    wizard.run(VALIDATE);
    assertThat(wizard.canRun(PACKAGE).get()).isFalse();

    wizard.skip(LOCAL_EVAL);

    assertThat(wizard.status(LOCAL_EVAL)).isEqualTo(StepStatus.SKIPPED);
    assertThat(wizard.canRun(PACKAGE).get()).isTrue();
  }

  @Test
  void anEncryptedHotkeyAsksForItsPasswordAgainUntilTheRightOneIsGiven() {
    services.encryptedHotkey = true;

    wizard.run(HOTKEY);
    assertThat(wizard.status(HOTKEY)).isEqualTo(StepStatus.FAILED);
    assertThat(wizard.passwordPromptProperty().get())
        .isEqualTo("The hotkey file /wallets/miner/hotkeys/default is encrypted. Enter its password:");

    wizard.submitPassword("wrong".toCharArray());
    assertThat(wizard.passwordPromptProperty().get())
        .isEqualTo("That password does not decrypt /wallets/miner/hotkeys/default. Try again:");

    wizard.submitPassword(FakeMinerServices.PASSWORD.toCharArray());
    assertThat(wizard.status(HOTKEY)).isEqualTo(StepStatus.DONE);
    assertThat(wizard.passwordPromptProperty().get()).isEmpty();
    assertThat(wizard.hotkeyAddressProperty().get()).isEqualTo("5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy");
  }

  @Test
  void cancellingThePasswordDialogExplainsWhyTheHotkeyIsNeeded() {
    services.encryptedHotkey = true;
    wizard.run(HOTKEY);

    wizard.cancelPassword();

    assertThat(wizard.status(HOTKEY)).isEqualTo(StepStatus.FAILED);
    assertThat(wizard.message(HOTKEY)).contains("encrypted").contains("Press Retry");
  }

  @Test
  void aFailedUploadIsRetriedWithoutPackagingOrLoadingTheHotkeyAgain() {
    services.failNext("upload", new KinitroException(ErrorCode.MINER_BACKEND_UNREACHABLE,
        "cannot reach the backend at http://127.0.0.1:8080 (request an upload): Connection refused. Is it running?"));

    throughUpload();
    assertThat(wizard.status(UPLOAD)).isEqualTo(StepStatus.FAILED);
    assertThat(wizard.message(UPLOAD)).contains("Connection refused").contains("(error 3600 MINER_BACKEND_UNREACHABLE)")
        .endsWith("Press Retry: the archive and the hotkey are kept.");

    wizard.run(UPLOAD);

    assertThat(wizard.status(UPLOAD)).isEqualTo(StepStatus.DONE);
    assertThat(wizard.uploadProgressProperty().get()).isEqualTo(1.0);
    assertThat(services.calls("pack")).isEqualTo(1);
    assertThat(services.calls("hotkey")).isEqualTo(1);
    assertThat(services.calls("upload")).isEqualTo(2);
    assertThat(wizard.status(COMMIT)).isEqualTo(StepStatus.READY);
  }

  @Test
  void aFailedCommitKeepsTheUploadAndRetriesOnlyTheCommit() {
    throughUpload();
    services.failNext("commit", new KinitroException(ErrorCode.CHAIN_HOTKEY_NOT_REGISTERED,
        "the hotkey is not registered on subnet 1; register it first (btcli subnet register --netuid 1)"));

    wizard.run(COMMIT);
    assertThat(wizard.message(COMMIT)).contains("btcli subnet register");
    wizard.run(COMMIT);

    assertThat(wizard.status(COMMIT)).isEqualTo(StepStatus.DONE);
    assertThat(wizard.message(COMMIT)).contains("IN_BLOCK, block 42");
    assertThat(services.calls("upload")).isEqualTo(1);
  }

  @Test
  void choosingAnotherFolderResetsEveryStepThatUsedItButKeepsTheHotkey() {
    throughUpload();

    wizard.agentFolderProperty().set(Path.of("/home/miner/other-agent"));

    assertThat(statuses()).isEqualTo(expected(StepStatus.DONE, StepStatus.READY, StepStatus.WAITING, StepStatus.DONE,
        StepStatus.WAITING, StepStatus.WAITING, StepStatus.WAITING, StepStatus.WAITING));
    assertThat(wizard.uploadResult()).isEmpty();
  }

  @Test
  void changingTheHotkeyAfterTheUploadMeansUploadingAgain() {
    throughUpload();

    wizard.secretUriProperty().set("//Eve");

    assertThat(wizard.status(HOTKEY)).isEqualTo(StepStatus.READY);
    assertThat(wizard.status(PACKAGE)).isEqualTo(StepStatus.DONE);
    assertThat(wizard.status(UPLOAD)).isEqualTo(StepStatus.WAITING);
  }

  @Test
  void aValidationResultThatArrivesAfterTheFolderChangedIsDropped() {
    wizard.agentFolderProperty().set(AGENT);
    services.duringValidation = () -> wizard.agentFolderProperty().set(Path.of("/home/miner/other-agent"));

    wizard.run(VALIDATE);

    assertThat(wizard.status(VALIDATE)).isEqualTo(StepStatus.READY);
    assertThat(wizard.busyProperty().get()).isFalse();
  }

  @Test
  void followingShowsJobsAndEpisodesLiveAndFinishesWhenEveryJobHasAResult() {
    throughUpload();
    wizard.run(COMMIT);

    wizard.run(FOLLOW);
    assertThat(wizard.status(FOLLOW)).isEqualTo(StepStatus.RUNNING);
    long submission = Samples.SUBMISSION;
    events.publish(Samples.received(submission));
    events.publish(Samples.jobCreated(Samples.JOB, submission));
    assertThat(events.subscriptions()).hasSize(2);
    events.publish(Samples.running(Samples.JOB));
    events.publish(Samples.episode(Samples.JOB, submission, 0, 500, true));
    events.publish(Samples.episode(Samples.JOB, submission, 1, 300, false));
    events.publish(Samples.episode(Samples.JOB, 1L, 0, 1, false)); // another submission: filtered out

    assertThat(wizard.followSeries().points()).extracting(EpisodePoint::reward).containsExactly(500.0, 300.0);
    assertThat(wizard.followLines()).containsExactly("cartpole: RUNNING on 5Grwva…utQY");
    assertThat(wizard.message(FOLLOW)).isEqualTo("Received at block 5123456; hold-out until 2026-03-01T12:05:00Z. 1 job, "
        + "2 episodes finished, mean reward 400.00, success rate 50 %.");

    events.publish(Samples.evaluated(Samples.JOB, submission, 400, 0.5));

    assertThat(wizard.status(FOLLOW)).isEqualTo(StepStatus.DONE);
    assertThat(wizard.message(FOLLOW)).startsWith("Evaluation finished.");
    assertThat(wizard.followLines().getFirst()).endsWith("5Grwva…utQY: avg reward 400.00, success 50 %");
  }

  private static JobInfo queuedJob(String validator, int position) {
    return new JobInfo(Long.toString(Samples.JOB), Long.toString(Samples.SUBMISSION), Samples.COMPETITION, Samples.MINER,
        "cartpole", "QUEUED", Optional.of(Samples.T0), List.of(new JobInfo.Assignment(validator, "QUEUED", 0,
            Optional.of(4), Optional.of(position), Optional.empty())));
  }

  @Test
  void whileAJobWaitsFollowingShowsItsQueuePositionAndStopsAskingOnceItRuns() {
    throughUpload();
    wizard.run(COMMIT);
    api.jobs.add(queuedJob(Samples.VALIDATOR, 3));

    wizard.run(FOLLOW);

    // Read at once: the job's position is known before its job_created event arrives.
    assertThat(wizard.followLines()).containsExactly("cartpole: QUEUED on 5Grwva…utQY, position 3 in its queue");
    assertThat(wizard.queueWatchProperty().get()).isTrue();

    events.publish(Samples.received(Samples.SUBMISSION));
    events.publish(Samples.jobCreated(Samples.JOB, Samples.SUBMISSION));
    events.publish(new EventPayload.JobStatusChanged(Samples.JOB, Optional.of(Samples.VALIDATOR), EvaluationStatus.QUEUED,
        Optional.empty(), Samples.T0));
    api.jobs.set(0, queuedJob(Samples.VALIDATOR, 1));
    wizard.refreshQueue(); // what the page's timer does every QUEUE_REFRESH

    assertThat(wizard.followLines()).containsExactly("cartpole: QUEUED on 5Grwva…utQY, position 1 in its queue");
    assertThat(wizard.waitingJobs()).containsExactly(new QueuePosition(Samples.JOB, "cartpole",
        Optional.of(Samples.VALIDATOR), Optional.of(1)));

    api.jobs.set(0, new JobInfo(Long.toString(Samples.JOB), Long.toString(Samples.SUBMISSION), Samples.COMPETITION,
        Samples.MINER, "cartpole", "RUNNING", Optional.of(Samples.T0), List.of(new JobInfo.Assignment(Samples.VALIDATOR,
            "RUNNING", 0, Optional.of(4), Optional.empty(), Optional.empty()))));
    events.publish(Samples.running(Samples.JOB));

    assertThat(wizard.followLines()).containsExactly("cartpole: RUNNING on 5Grwva…utQY");
    wizard.refreshQueue();
    assertThat(wizard.queueWatchProperty().get()).isFalse();
    assertThat(wizard.waitingJobs()).isEmpty();
  }

  @Test
  void aJobNoValidatorHasYetWaitsForOneToConnect() {
    throughUpload();
    wizard.run(COMMIT);
    api.jobs.add(new JobInfo(Long.toString(Samples.JOB), Long.toString(Samples.SUBMISSION), Samples.COMPETITION,
        Samples.MINER, "cartpole", "QUEUED", Optional.of(Samples.T0), List.of()));

    wizard.run(FOLLOW);

    assertThat(wizard.followLines()).containsExactly("cartpole: QUEUED, waiting for a validator to connect");
    assertThat(wizard.queueWatchProperty().get()).isTrue();

    wizard.close();

    assertThat(wizard.queueWatchProperty().get()).isFalse();
  }
}
