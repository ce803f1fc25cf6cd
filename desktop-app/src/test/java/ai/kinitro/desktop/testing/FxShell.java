package ai.kinitro.desktop.testing;

import ai.kinitro.desktop.KinitroDesktopApp.DesktopShell;
import ai.kinitro.desktop.connection.BackendProbe;
import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.connection.ProfileStore;
import ai.kinitro.desktop.connection.ProfileStore.Settings;
import ai.kinitro.desktop.wizard.MinerServices;
import ai.kinitro.desktop.wizard.MinerToolkit;
import ai.kinitro.desktop.api.BackendApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real app window (all pages, real services) against a backend URL, for UI tests. */
public final class FxShell {
  private FxShell() {}

  public static DesktopShell open(Stage stage, URI backend, String apiKey) {
    return open(stage, backend, apiKey, MinerToolkit.system(BackendApi.defaultHttpClient()));
  }

  public static DesktopShell open(Stage stage, URI backend, String apiKey, MinerServices miner) {
    try {
      Path dir = Files.createTempDirectory("kinitro-desktop-test");
      ProfileStore store = new ProfileStore(dir);
      store.save(Settings.defaults().withProfile(ConnectionProfile.of("Test", backend.toString(), apiKey)));
      DesktopShell shell = DesktopShell.create(store, BackendProbe.http(Duration.ofSeconds(10)), InstantSource.system(),
          Platform::runLater, Duration.ofMillis(500), Duration.ofSeconds(2), miner, BackendApi.defaultHttpClient(),
          dir.resolve("wallets"));
      stage.setScene(new Scene(shell.window().root(), 1280, 860));
      stage.show();
      return shell;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits (up to {@code seconds}) until the condition, read on the FX thread, holds. */
  public static void await(int seconds, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("condition not met within " + seconds + " s", e);
    }
  }
}
