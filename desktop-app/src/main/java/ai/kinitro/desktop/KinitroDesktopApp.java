package ai.kinitro.desktop;

import ai.kinitro.desktop.admin.AdminPage;
import ai.kinitro.desktop.admin.viewmodel.AdminViewModel;
import ai.kinitro.desktop.api.BackendApi;
import ai.kinitro.desktop.api.BackendSession;
import ai.kinitro.desktop.api.RealtimeClient;
import ai.kinitro.desktop.chart.ChartStyler;
import ai.kinitro.desktop.connection.BackendProbe;
import ai.kinitro.desktop.connection.ConnectionMonitor;
import ai.kinitro.desktop.connection.ConnectionsPage;
import ai.kinitro.desktop.connection.ProfileStore;
import ai.kinitro.desktop.connection.viewmodel.ConnectionsViewModel;
import ai.kinitro.desktop.error.ErrorDialogs;
import ai.kinitro.desktop.shell.MainWindow;
import ai.kinitro.desktop.shell.viewmodel.ShellViewModel;
import ai.kinitro.desktop.spectator.SpectatorPage;
import ai.kinitro.desktop.spectator.viewmodel.SpectatorViewModel;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.theme.ThemeManager;
import ai.kinitro.desktop.wizard.MinerServices;
import ai.kinitro.desktop.wizard.MinerToolkit;
import ai.kinitro.desktop.wizard.MinerWizardPage;
import ai.kinitro.desktop.wizard.ProfileChainMemory;
import ai.kinitro.desktop.wizard.viewmodel.MinerWizardViewModel;
import java.net.http.HttpClient;
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
  private DesktopShell shell;

  @Override
  public void start(Stage stage) {
    ProfileStore store = ProfileStore.forUser(System.getenv(), Path.of(System.getProperty("user.home")));
    DesktopShell shell = DesktopShell.create(store, BackendProbe.http(Duration.ofSeconds(5)), InstantSource.system(),
        Platform::runLater);
    this.shell = shell;
    stage.setTitle("Kinitro");
    stage.setScene(new Scene(shell.window().root(), 1280, 820));
    ErrorDialogs.installUncaughtHandler(stage);
    stage.show();
  }

  @Override
  public void stop() {
    if (shell != null) {
      shell.close();
    }
  }

  /**
   * The assembled app: the shell and its pages with their view models and services. Tests build
   * the real window around it with fakes of our ports (or real servers on loopback).
   */
  public record DesktopShell(ShellViewModel model, MainWindow window, BackgroundTasks tasks, ConnectionMonitor monitor,
      ThemeManager themes, BackendSession session, RealtimeClient realtime, ChartStyler charts, MinerWizardViewModel wizard,
      AdminViewModel admin, SpectatorViewModel spectator) implements AutoCloseable {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public static DesktopShell create(ProfileStore store, BackendProbe probe, InstantSource clock,
        java.util.concurrent.Executor uiExecutor) {
      return create(store, probe, clock, uiExecutor, CHECK_INTERVAL, MAX_BACKOFF);
    }

    public static DesktopShell create(ProfileStore store, BackendProbe probe, InstantSource clock,
        java.util.concurrent.Executor uiExecutor, Duration checkInterval, Duration maxBackoff) {
      HttpClient http = BackendApi.defaultHttpClient();
      return create(store, probe, clock, uiExecutor, checkInterval, maxBackoff, MinerToolkit.system(http), http,
          Path.of(System.getProperty("user.home"), ".bittensor", "wallets"));
    }

    public static DesktopShell create(ProfileStore store, BackendProbe probe, InstantSource clock,
        java.util.concurrent.Executor uiExecutor, Duration checkInterval, Duration maxBackoff, MinerServices miner,
        HttpClient http, Path walletsDir) {
      BackgroundTasks tasks = BackgroundTasks.withUiExecutor(uiExecutor);
      ThemeManager themes = new ThemeManager();
      ShellViewModel[] holder = new ShellViewModel[1];
      ConnectionMonitor monitor = new ConnectionMonitor(probe, clock, checkInterval, maxBackoff,
          status -> uiExecutor.execute(() -> holder[0].onStatus(status)));
      ShellViewModel model = new ShellViewModel(store, store.load(), tasks, monitor::watch);
      holder[0] = model;
      themes.apply(model.themeProperty().get());
      model.themeProperty().addListener((obs, old, now) -> themes.apply(now));
      ChartStyler charts = new ChartStyler(themes.current());
      themes.onChange(charts::apply);

      BackendSession session = new BackendSession(http, BackendApi.DEFAULT_TIMEOUT, model.selectedProfileProperty().get());
      RealtimeClient realtime = new RealtimeClient(http, tasks.uiExecutor(), RealtimeClient.DEFAULT_INITIAL_BACKOFF,
          RealtimeClient.DEFAULT_MAX_BACKOFF);
      SpectatorViewModel spectator = new SpectatorViewModel(session::api,
          new ai.kinitro.desktop.api.HttpFrameLoader(http, BackendApi.DEFAULT_TIMEOUT), realtime, tasks);
      MinerWizardViewModel wizard = new MinerWizardViewModel(miner, session::api, session::backendUrl, realtime, tasks,
          walletsDir);
      AdminViewModel admin = new AdminViewModel(session::api, tasks, realtime, model.canUseAdmin());
      ProfileChainMemory.bind(model, wizard);
      realtime.connect(session.backendUrl());
      model.selectedProfileProperty().addListener((obs, old, now) -> {
        if (ProfileChainMemory.onlyChainChanged(old, now)) {
          return; // the wizard remembered its chain: same backend, same key
        }
        session.use(now);
        if (old == null || !old.backendUrl().equals(now.backendUrl())) {
          realtime.connect(now.backendUrl());
        }
        spectator.refresh();
        wizard.loadCompetitions();
        admin.refresh();
      });

      MainWindow window = new MainWindow(model, List.of(
          new SpectatorPage(spectator, charts),
          new MinerWizardPage(wizard, charts),
          new AdminPage(admin),
          new ConnectionsPage(new ConnectionsViewModel(model))));
      return new DesktopShell(model, window, tasks, monitor, themes, session, realtime, charts, wizard, admin, spectator);
    }

    @Override
    public void close() {
      wizard.close();
      spectator.close();
      realtime.close();
      monitor.close();
      tasks.close();
    }
  }
}
