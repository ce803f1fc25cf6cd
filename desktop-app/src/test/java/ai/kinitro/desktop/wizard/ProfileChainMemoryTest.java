package ai.kinitro.desktop.wizard;

import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.COMMIT;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.HOTKEY;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.LOCAL_EVAL;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.PACKAGE;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.UPLOAD;
import static ai.kinitro.desktop.wizard.viewmodel.WizardStep.VALIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.connection.ProfileStore;
import ai.kinitro.desktop.connection.ProfileStore.Settings;
import ai.kinitro.desktop.shell.viewmodel.ShellViewModel;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.testing.FakeBackendApi;
import ai.kinitro.desktop.testing.FakeEventSource;
import ai.kinitro.desktop.testing.Samples;
import ai.kinitro.desktop.wizard.viewmodel.HotkeySource;
import ai.kinitro.desktop.wizard.viewmodel.MinerWizardViewModel;
import ai.kinitro.desktop.wizard.viewmodel.StepStatus;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's chain URL and netuid come from the selected profile and go back into it after a commit. */
class ProfileChainMemoryTest {
  private static final String FINNEY = "wss://entrypoint-finney.opentensor.ai:443";

  @TempDir Path dir;
  private final FakeMinerServices services = new FakeMinerServices();
  private final FakeBackendApi api = new FakeBackendApi();

  private MinerWizardViewModel wizard() {
    api.competitions.add(Samples.competition());
    MinerWizardViewModel wizard = new MinerWizardViewModel(services, () -> api, () -> URI.create("http://127.0.0.1:8080"),
        new FakeEventSource(), BackgroundTasks.sameThread(), Path.of("/home/miner/.bittensor/wallets"));
    wizard.hotkeySourceProperty().set(HotkeySource.SECRET_URI);
    wizard.secretUriProperty().set("//Dave");
    return wizard;
  }

  private static void throughUpload(MinerWizardViewModel wizard) {
    wizard.loadCompetitions();
    wizard.agentFolderProperty().set(Path.of("/home/miner/agent"));
    wizard.run(VALIDATE);
    wizard.skip(LOCAL_EVAL);
    wizard.run(HOTKEY);
    wizard.run(PACKAGE);
    wizard.run(UPLOAD);
  }

  @Test
  void theWizardStartsWithTheSelectedProfilesChainAndASuccessfulCommitSavesEditsBack() {
    ProfileStore store = new ProfileStore(dir);
    store.save(Settings.defaults().withProfile(ConnectionProfile.of("Finney", "https://api.example.org", null)
        .withChain(FINNEY, 42)));
    ShellViewModel shell = new ShellViewModel(store, store.load(), BackgroundTasks.sameThread(), url -> { });
    MinerWizardViewModel wizard = wizard();

    ProfileChainMemory.bind(shell, wizard);

    assertThat(wizard.chainUrlProperty().get()).isEqualTo(FINNEY);
    assertThat(wizard.netuidProperty().get()).isEqualTo(42);

    throughUpload(wizard);
    wizard.netuidProperty().set(43);
    wizard.run(COMMIT);

    assertThat(wizard.status(COMMIT)).isEqualTo(StepStatus.DONE);
    ConnectionProfile saved = store.load().selected();
    assertThat(saved).isEqualTo(ConnectionProfile.of("Finney", "https://api.example.org", null).withChain(FINNEY, 43));
  }

  @Test
  void aFailedCommitRemembersNothingAndAnotherProfileBringsItsOwnChain() {
    ProfileStore store = new ProfileStore(dir);
    store.save(Settings.defaults().withProfile(ConnectionProfile.of("Finney", "https://api.example.org", null)
        .withChain(FINNEY, 42)));
    ShellViewModel shell = new ShellViewModel(store, store.load(), BackgroundTasks.sameThread(), url -> { });
    MinerWizardViewModel wizard = wizard();
    ProfileChainMemory.bind(shell, wizard);
    throughUpload(wizard);
    wizard.chainUrlProperty().set("ws://typo:9944");
    services.failNext("commit", new KinitroException(ErrorCode.CHAIN_UNREACHABLE, "cannot reach ws://typo:9944"));

    wizard.run(COMMIT);

    assertThat(wizard.status(COMMIT)).isEqualTo(StepStatus.FAILED);
    assertThat(store.load().selected().chainUrl()).isEqualTo(FINNEY);

    shell.select("Local");

    assertThat(wizard.chainUrlProperty().get()).isEqualTo(ConnectionProfile.DEFAULT_CHAIN_URL);
    assertThat(wizard.netuidProperty().get()).isEqualTo(ConnectionProfile.DEFAULT_NETUID);
  }
}
