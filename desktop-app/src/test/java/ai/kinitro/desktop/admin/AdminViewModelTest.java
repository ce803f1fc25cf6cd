package ai.kinitro.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.common.protocol.realtime.CandidateStatus;
import ai.kinitro.common.protocol.realtime.EventPayload;
import ai.kinitro.desktop.admin.viewmodel.AdminViewModel;
import ai.kinitro.desktop.admin.viewmodel.CandidatesViewModel;
import ai.kinitro.desktop.admin.viewmodel.CompetitionsViewModel;
import ai.kinitro.desktop.admin.viewmodel.ValidatorRow;
import ai.kinitro.desktop.admin.viewmodel.ApiKeysViewModel;
import ai.kinitro.desktop.admin.viewmodel.ValidatorsViewModel;
import ai.kinitro.desktop.api.ApiKeyInfo;
import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.api.JobInfo;
import ai.kinitro.desktop.api.LeaderCandidate;
import ai.kinitro.desktop.api.ResultInfo;
import ai.kinitro.desktop.api.ValidatorInfo;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.testing.FakeBackendApi;
import ai.kinitro.desktop.testing.FakeEventSource;
import ai.kinitro.desktop.testing.Samples;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin console's view models without a UI, against an in-memory backend. */
class AdminViewModelTest {
  private final FakeBackendApi api = new FakeBackendApi();
  private final FakeEventSource events = new FakeEventSource();
  private final SimpleBooleanProperty hasKey = new SimpleBooleanProperty(true);
  private AdminViewModel admin;

  static LeaderCandidate candidate(String id, String submission, CandidateStatus status, double reward) {
    return new LeaderCandidate(id, Samples.COMPETITION, submission, Samples.MINER, reward, 0.8, Optional.of(reward),
        Optional.of(40), 2, status, Optional.empty(), Optional.empty(), Optional.of(Samples.T0.plusSeconds(Long.parseLong(id))),
        List.of());
  }

  static ResultInfo result(String submission, String validator, double reward) {
    return new ResultInfo("r" + submission + validator.substring(0, 4), "9", submission, validator, "cartpole", "COMPLETED",
        Optional.of(reward), Optional.of(0.8), Optional.of(reward), Optional.of(20), Optional.empty(), Optional.of(Samples.T0));
  }

  @BeforeEach
  void setUp() {
    CompetitionInfo c = Samples.competition();
    api.competitions.add(new CompetitionInfo(c.id(), c.name(), c.description(), c.benchmarks(), c.points(), c.minAvgReward(),
        c.winMarginPct(), c.minSuccessRate(), c.submissionHoldoutSeconds(), c.submissionMaxSizeBytes(), Optional.empty(),
        Optional.empty(), Optional.of("5Other"), Optional.of(300.0), Optional.of("16"), true, c.createdAt()));
    api.candidates.add(candidate("16", "500", CandidateStatus.APPROVED, 300));
    api.candidates.add(candidate("17", "501", CandidateStatus.PENDING, 412.5));
    api.results.add(result("501", Samples.VALIDATOR, 410));
    api.results.add(result("501", Samples.VALIDATOR_2, 415));
    api.results.add(result("500", Samples.VALIDATOR, 300));
    admin = new AdminViewModel(() -> api, BackgroundTasks.sameThread(), events, hasKey);
  }

  @Test
  void pendingCandidatesComeFirstAndTheSelectedOneIsComparedWithTheCurrentLeader() {
    admin.refresh();
    CandidatesViewModel c = admin.candidates();

    assertThat(c.candidates()).extracting(LeaderCandidate::id).containsExactly("17", "16");
    assertThat(c.selectedProperty().get().id()).isEqualTo("17");
    assertThat(c.leaderProperty().get()).map(LeaderCandidate::id).contains("16");
    assertThat(c.candidateResults()).extracting(ResultInfo::validatorHotkey).containsExactly(Samples.VALIDATOR, Samples.VALIDATOR_2);
    assertThat(c.leaderResults()).extracting(ResultInfo::submissionId).containsExactly("500");
  }

  @Test
  void approvingSendsTheNoteAndShowsTheNewStatus() {
    admin.refresh();
    CandidatesViewModel c = admin.candidates();
    c.noteProperty().set("verified on two validators");

    c.approve();

    assertThat(api.calls).contains("approve 17 verified on two validators");
    assertThat(c.selectedProperty().get().status()).isEqualTo(CandidateStatus.APPROVED);
    assertThat(c.feedback().isError()).isFalse();
    assertThat(c.feedback().text()).startsWith("Approved candidate 17");
    assertThat(c.noteProperty().get()).isEmpty();
    assertThat(c.canApprove().get()).isFalse();
    assertThat(c.canUnapprove().get()).isTrue();
  }

  @Test
  void aCandidateReviewedMeanwhileShowsTheBackendsRefusalAndTheListIsReloaded() {
    admin.refresh();
    CandidatesViewModel c = admin.candidates();
    api.candidates.replaceAll(x -> x.id().equals("17") ? candidate("17", "501", CandidateStatus.REJECTED, 412.5) : x);

    c.approve();

    assertThat(c.feedback().isError()).isTrue();
    assertThat(c.feedback().text()).isEqualTo("Could not change candidate 17: Leader candidate 17 was already rejected "
        + "(error 1506 CANDIDATE_ALREADY_REVIEWED)");
    assertThat(c.selectedProperty().get().status()).isEqualTo(CandidateStatus.REJECTED);
  }

  @Test
  void aNewCandidateEventReloadsTheCandidates() {
    admin.refresh();
    api.candidates.add(candidate("18", "502", CandidateStatus.PENDING, 500));

    events.publish(new EventPayload.LeaderCandidateCreated(18, Samples.COMPETITION, Samples.MINER, Samples.JOB, 500, 0.9,
        Samples.T0));

    assertThat(admin.candidates().candidates()).extracting(LeaderCandidate::id).containsExactly("18", "17", "16");
  }

  @Test
  void withoutAnApiKeyNothingIsLoaded() {
    hasKey.set(false);

    admin.refresh();
    events.publish(new EventPayload.LeaderCandidateCreated(18, Samples.COMPETITION, Samples.MINER, Samples.JOB, 500, 0.9,
        Samples.T0));

    assertThat(api.calls).isEmpty();
  }

  @Test
  void aCompetitionWithBenchmarksThatAreNotJsonIsRefusedBeforeAnythingIsSent() {
    CompetitionsViewModel c = admin.competitions();
    c.startNew();
    c.nameProperty().set("MT1");
    c.benchmarksProperty().set("[{\"provider\": ");

    c.save();

    assertThat(c.feedback().isError()).isTrue();
    assertThat(c.feedback().text()).startsWith("The form is not complete: Benchmarks: not valid JSON")
        .endsWith("(error 1902 DESKTOP_FORM_INVALID)");
    assertThat(api.calls).isEmpty();
  }

  @Test
  void theBackendsVerdictOnABenchmarkDefinitionIsShownAsItCame() {
    CompetitionsViewModel c = admin.competitions();
    c.startNew();
    c.nameProperty().set("MT1");
    api.failNext(new KinitroException(ErrorCode.UNKNOWN_ENVIRONMENT,
        "benchmarks[0]: environment 'classic/NoSuchEnv' is not in the registry"));

    c.save();

    assertThat(c.feedback().text()).isEqualTo("The backend did not accept the competition: benchmarks[0]: environment "
        + "'classic/NoSuchEnv' is not in the registry (error 1504 UNKNOWN_ENVIRONMENT)");
  }

  @Test
  void editingTheSelectedCompetitionReplacesItAndDeactivatingIsOneClick() {
    admin.refresh();
    CompetitionsViewModel c = admin.competitions();
    c.selectedProperty().set(c.competitions().getFirst());
    c.editSelected();
    c.pointsProperty().set("250");

    c.save();
    c.setActive(false);

    assertThat(api.calls).containsSubsequence("update competition " + Samples.COMPETITION, "deactivate " + Samples.COMPETITION);
    assertThat(c.selectedProperty().get().points()).isEqualTo(250);
    assertThat(c.selectedProperty().get().active()).isFalse();
  }

  @Test
  void aNewKeysSecretIsShownOnceAndNeverListed() {
    var keys = admin.keys();
    keys.nameProperty().set("validator-eu-1");
    keys.roleProperty().set("validator");

    keys.create();

    assertThat(keys.createdSecretProperty().get()).startsWith("kin_").endsWith("_s3cr3t");
    assertThat(keys.keys()).extracting(ApiKeyInfo::secret).containsOnly(Optional.empty());
    keys.dismissSecret();
    assertThat(keys.createdSecretProperty().get()).isEmpty();

    keys.selectedProperty().set(keys.keys().getFirst());
    keys.deactivateSelected();
    assertThat(keys.keys().getFirst().active()).isFalse();
  }

  @Test
  void validatorsShowTheJobsTheyAreWorkingOnConnectedFirst() {
    api.validators.add(new ValidatorInfo(Samples.VALIDATOR_2, false, Optional.empty(), Optional.empty(), Optional.empty(), 3, 3, 1));
    api.validators.add(new ValidatorInfo(Samples.VALIDATOR, true, Optional.empty(), Optional.empty(), Optional.of(Samples.T0), 9, 7, 0));
    api.jobs.add(new JobInfo("1", "501", Samples.COMPETITION, Samples.MINER, "cartpole", "RUNNING", Optional.empty(), List.of(
        new JobInfo.Assignment(Samples.VALIDATOR, "RUNNING", 3, Optional.of(20), Optional.empty(), Optional.empty()),
        new JobInfo.Assignment(Samples.VALIDATOR_2, "COMPLETED", 20, Optional.of(20), Optional.empty(), Optional.empty()))));
    api.jobs.add(new JobInfo("2", "502", Samples.COMPETITION, Samples.MINER, "cartpole", "QUEUED", Optional.empty(), List.of(
        new JobInfo.Assignment(Samples.VALIDATOR, "DELIVERED", 0, Optional.of(20), Optional.of(1), Optional.empty()))));

    admin.validators().refresh();

    assertThat(admin.validators().validators()).extracting(r -> r.validator().hotkey(), ValidatorRow::jobsInFlight)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Samples.VALIDATOR, 2),
            org.assertj.core.groups.Tuple.tuple(Samples.VALIDATOR_2, 0));
  }

  @Test
  void aValidatorKeyIsCreatedForItsHotkeyWithAnExpiryAndCanBeDeactivatedAndActivatedAgain() {
    var keys = new ApiKeysViewModel(() -> api, BackgroundTasks.sameThread(), java.time.ZoneOffset.UTC);
    keys.nameProperty().set("validator-eu-1");
    keys.roleProperty().set("validator");
    keys.associatedHotkeyProperty().set(" " + Samples.VALIDATOR + " ");
    keys.expiresOnProperty().set(java.time.LocalDate.of(2027, 1, 31));

    keys.create();

    assertThat(api.calls).contains("create key validator-eu-1 for " + Samples.VALIDATOR + " until 2027-01-31T00:00:00Z");
    ApiKeyInfo created = keys.keys().getFirst();
    assertThat(created.associatedHotkey()).contains(Samples.VALIDATOR);
    assertThat(created.expiresAt()).contains(java.time.Instant.parse("2027-01-31T00:00:00Z"));
    assertThat(keys.associatedHotkeyProperty().get()).isEmpty();
    assertThat(keys.expiresOnProperty().get()).isNull();

    keys.selectedProperty().set(created);
    assertThat(keys.canActivate().get()).isFalse();
    keys.deactivateSelected();
    assertThat(keys.canActivate().get()).isTrue();
    assertThat(keys.canDeactivate().get()).isFalse();

    keys.activateSelected();

    assertThat(api.calls).containsSubsequence("deactivate key " + created.id(), "activate key " + created.id());
    assertThat(keys.keys().getFirst().active()).isTrue();
    assertThat(keys.selectedProperty().get().active()).isTrue();
    assertThat(keys.feedback().text()).isEqualTo("Activated key 'validator-eu-1' (kin_" + created.id()
        + "…); it is accepted again until 2027-01-31T00:00:00Z.");
  }

  @Test
  void jobsInFlightAreCountedOverEveryPageOfJobs() {
    api.validators.add(new ValidatorInfo(Samples.VALIDATOR, true, Optional.empty(), Optional.empty(), Optional.of(Samples.T0), 9, 7, 0));
    for (int i = 0; i < 1_500; i++) {
      api.jobs.add(new JobInfo(Integer.toString(i), "501", Samples.COMPETITION, Samples.MINER, "cartpole", "RUNNING",
          Optional.empty(), List.of(new JobInfo.Assignment(Samples.VALIDATOR, "RUNNING", 1, Optional.of(20), Optional.empty(),
              Optional.empty()))));
    }

    admin.validators().refresh();

    assertThat(api.calls).contains("all jobs " + ValidatorsViewModel.MAX_JOBS);
    assertThat(admin.validators().validators()).extracting(ValidatorRow::jobsInFlight).containsExactly(1_500);
    assertThat(admin.validators().feedback().text()).isEmpty();
  }
}
