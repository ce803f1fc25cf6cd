package ai.kinitro.desktop;

import ai.kinitro.desktop.connection.BackendProbe;
import ai.kinitro.desktop.connection.ConnectionMonitor;
import ai.kinitro.desktop.connection.ConnectionsPage;
import ai.kinitro.desktop.connection.ProfileStore;
import ai.kinitro.desktop.connection.viewmodel.ConnectionsViewModel;
import ai.kinitro.desktop.error.ErrorDialogs;
import ai.kinitro.desktop.shell.MainWindow;
import ai.kinitro.desktop.shell.viewmodel.ShellViewModel;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.theme.ThemeManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: wires the services, the shell and its pages. */
public final class KinitroDesktopApp extends Application {
  private BackgroundTasks tasks;
  private ConnectionMonitor monitor;

  @Override
  public void start(Stage stage) {
    ProfileStore store = ProfileStore.forUser(System.getenv(), Path.of(System.getProperty("user.home")));
    DesktopShell shell = DesktopShell.create(store, BackendProbe.http(Duration.ofSeconds(5)), InstantSource.system(),
        Platform::runLater);
    tasks = shell.tasks();
    monitor = shell.monitor();
    stage.setTitle("Kinitro");
    stage.setScene(new Scene(shell.window().root(), 1100, 720));
    ErrorDialogs.installUncaughtHandler(stage);
    stage.show();
  }

  @Override
  public void stop() {
    if (monitor != null) {
      monitor.close();
    }
    if (tasks != null) {
      tasks.close();
    }
  }

  /** The assembled shell; also used by tests to build the real window around fakes of our ports. */
  public record DesktopShell(ShellViewModel model, MainWindow window, BackgroundTasks tasks, ConnectionMonitor monitor,
      ThemeManager themes) {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public static DesktopShell create(ProfileStore store, BackendProbe probe, InstantSource clock,
        java.util.concurrent.Executor uiExecutor) {
      return create(store, probe, clock, uiExecutor, CHECK_INTERVAL, MAX_BACKOFF);
    }

    public static DesktopShell create(ProfileStore store, BackendProbe probe, InstantSource clock,
        java.util.concurrent.Executor uiExecutor, Duration checkInterval, Duration maxBackoff) {
      BackgroundTasks tasks = BackgroundTasks.withUiExecutor(uiExecutor);
      ThemeManager themes = new ThemeManager();
      ShellViewModel[] holder = new ShellViewModel[1];
      ConnectionMonitor monitor = new ConnectionMonitor(probe, clock, checkInterval, maxBackoff,
          status -> uiExecutor.execute(() -> holder[0].onStatus(status)));
      ShellViewModel model = new ShellViewModel(store, store.load(), tasks, monitor::watch);
      holder[0] = model;
      themes.apply(model.themeProperty().get());
      model.themeProperty().addListener((obs, old, now) -> themes.apply(now));
      MainWindow window = new MainWindow(model, List.of(new ConnectionsPage(new ConnectionsViewModel(model))));
      return new DesktopShell(model, window, tasks, monitor, themes);
    }
  }
}
