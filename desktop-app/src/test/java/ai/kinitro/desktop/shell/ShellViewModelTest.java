package ai.kinitro.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.connection.ConnectionStatus;
import ai.kinitro.desktop.connection.ConnectionStatus.State;
import ai.kinitro.desktop.connection.ProfileStore;
import ai.kinitro.desktop.connection.viewmodel.ConnectionsViewModel;
import ai.kinitro.desktop.shell.viewmodel.ShellViewModel;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.theme.AppTheme;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View models without a UI: callbacks run on the calling thread. */
class ShellViewModelTest {
  @TempDir Path dir;
  private final List<URI> watched = new ArrayList<>();

  private ShellViewModel shell(ProfileStore store) {
    return new ShellViewModel(store, store.load(), BackgroundTasks.sameThread(), watched::add);
  }

  @Test
  void startsWatchingTheSelectedBackend() {
    shell(new ProfileStore(dir));
    assertThat(watched).containsExactly(URI.create("http://127.0.0.1:8080"));
  }

  @Test
  void theStatusTextSaysWhereWeAreConnectedAndHowFast() {
    ShellViewModel shell = shell(new ProfileStore(dir));
    shell.onStatus(new ConnectionStatus(State.CONNECTED, Optional.of(Duration.ofMillis(12)), Optional.empty(), Instant.EPOCH));
    assertThat(shell.statusTextProperty().get()).isEqualTo("Connected to Local (http://127.0.0.1:8080) · 12 ms");
    assertThat(shell.connected().get()).isTrue();

    shell.onStatus(new ConnectionStatus(State.DISCONNECTED, Optional.empty(), Optional.of("refused"), Instant.EPOCH));
    assertThat(shell.statusTextProperty().get()).isEqualTo("Disconnected from Local (http://127.0.0.1:8080): refused — retrying");
    assertThat(shell.connected().get()).isFalse();
  }

  @Test
  void savingAProfileSelectsItWatchesItAndPersistsIt() {
    ProfileStore store = new ProfileStore(dir);
    ShellViewModel shell = shell(store);
    ConnectionsViewModel form = new ConnectionsViewModel(shell);
    form.nameProperty().set("Staging");
    form.urlProperty().set("http://10.0.0.5:8080");
    form.apiKeyProperty().set("admin-key");

    assertThat(form.save()).isTrue();

    assertThat(shell.selectedProfileProperty().get().name()).isEqualTo("Staging");
    assertThat(shell.canUseAdmin().get()).isTrue();
    assertThat(watched).last().isEqualTo(URI.create("http://10.0.0.5:8080"));
    assertThat(store.load().selected()).isEqualTo(ConnectionProfile.of("Staging", "http://10.0.0.5:8080", "admin-key"));
  }

  @Test
  void anInvalidUrlIsExplainedAndNothingChanges() {
    ShellViewModel shell = shell(new ProfileStore(dir));
    ConnectionsViewModel form = new ConnectionsViewModel(shell);
    form.nameProperty().set("Broken");
    form.urlProperty().set("ftp://example.org");

    assertThat(form.save()).isFalse();
    assertThat(form.errorProperty().get()).contains("http:// or https://");
    assertThat(shell.profiles()).extracting(ConnectionProfile::name).containsExactly("Local");
  }

  @Test
  void theThemeTogglesAndIsRemembered() {
    ProfileStore store = new ProfileStore(dir);
    ShellViewModel shell = shell(store);
    shell.toggleTheme();
    assertThat(shell.themeProperty().get()).isEqualTo(AppTheme.DARK);
    assertThat(store.load().theme()).isEqualTo("dark");
  }

  @Test
  void theLastProfileCannotBeDeleted() {
    ShellViewModel shell = shell(new ProfileStore(dir));
    assertThat(new ConnectionsViewModel(shell).canDelete().get()).isFalse();
  }
}
