package ai.kinitro.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.desktop.connection.ProfileStore.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
  @TempDir Path dir;

  @Test
  void withoutAFileTheLocalBackendIsTheOnlyProfile() {
    Settings settings = new ProfileStore(dir).load();
    assertThat(settings.profiles()).containsExactly(ConnectionProfile.local());
    assertThat(settings.theme()).isEqualTo("light");
  }

  @Test
  void savedProfilesComeBackWithTheirKeysAndTheFileIsPrivate() throws Exception {
    ProfileStore store = new ProfileStore(dir.resolve("kinitro"));
    Settings saved = Settings.defaults()
        .withProfile(ConnectionProfile.of("Prod", "https://api.example.org", "secret-admin-key"))
        .withTheme("dark");
    store.save(saved);

    assertThat(store.load()).isEqualTo(saved);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("kinitro")))).isEqualTo("rwx------");
  }

  @Test
  void aProfileKeepsTheChainUrlAndNetuidTheWizardCommittedTo() {
    ProfileStore store = new ProfileStore(dir.resolve("kinitro"));
    Settings saved = Settings.defaults()
        .withProfile(ConnectionProfile.of("Finney", "https://api.example.org", null)
            .withChain("wss://entrypoint-finney.opentensor.ai:443", 42));
    store.save(saved);

    Settings loaded = store.load();

    assertThat(loaded).isEqualTo(saved);
    assertThat(loaded.selected().chainUrl()).isEqualTo("wss://entrypoint-finney.opentensor.ai:443");
    assertThat(loaded.selected().netuid()).isEqualTo(42);
  }

  @Test
  void aSettingsFileFromBeforeTheChainFieldsGetsTheDefaultChain() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Files.writeString(store.file(), """
        {"version":1,"theme":"dark","selected_profile":"Prod",
         "profiles":[{"name":"Prod","backend_url":"https://api.example.org","api_key":"secret-admin-key"}]}""");

    Settings settings = store.load();

    assertThat(settings.warning()).isEmpty();
    assertThat(settings.selected()).isEqualTo(new ConnectionProfile("Prod", java.net.URI.create("https://api.example.org"),
        Optional.of("secret-admin-key"), "ws://127.0.0.1:9944", 1));
  }

  @Test
  void aCorruptFileIsMovedAsideAndReportedNotLost() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Files.writeString(store.file(), "{ not json");

    Settings settings = store.load();

    assertThat(settings.profiles()).containsExactly(ConnectionProfile.local());
    assertThat(settings.warning()).hasValueSatisfying(w -> assertThat(w).contains("settings.json.corrupt"));
    assertThat(Files.readString(dir.resolve("settings.json.corrupt"))).isEqualTo("{ not json");
  }

  @Test
  void theConfigDirectoryFollowsXdgConfigHome() {
    assertThat(ProfileStore.forUser(Map.of("XDG_CONFIG_HOME", "/x/cfg"), Path.of("/home/u")).file())
        .isEqualTo(Path.of("/x/cfg/kinitro/settings.json"));
    assertThat(ProfileStore.forUser(Map.of(), Path.of("/home/u")).file())
        .isEqualTo(Path.of("/home/u/.config/kinitro/settings.json"));
  }

  @Test
  void profilesNeverShowTheirKeyInToString() {
    ConnectionProfile p = ConnectionProfile.of("Prod", "https://api.example.org", "secret-admin-key");
    assertThat(p.toString()).doesNotContain("secret").contains("with API key");
    assertThat(ConnectionProfile.of("Blank", "http://h:1", "  ").apiKey()).isEqualTo(Optional.empty());
  }
}
