package ai.kinitro.desktop.shell.viewmodel;

import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.connection.ConnectionStatus;
import ai.kinitro.desktop.connection.ProfileStore;
import ai.kinitro.desktop.connection.ProfileStore.Settings;
import ai.kinitro.desktop.task.BackgroundTasks;
import ai.kinitro.desktop.theme.AppTheme;
import java.net.URI;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the main window: profiles and the selected one, the connection status shown in the
 * status bar, the theme, and one-shot notices for the user. Views only bind to it; it imports no
 * controls, so it is tested without a UI (callbacks run on the calling thread there).
 */
public final class ShellViewModel {
  private final ProfileStore store;
  private final BackgroundTasks tasks;
  private final Consumer<URI> watcher;

  private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<ConnectionProfile> selected = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ConnectionStatus> status =
      new ReadOnlyObjectWrapper<>(ConnectionStatus.connecting(Instant.EPOCH));
  private final ReadOnlyObjectWrapper<AppTheme> theme = new ReadOnlyObjectWrapper<>(AppTheme.LIGHT);
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
  private Settings settings;

  /**
   * @param watcher told which backend to watch whenever the selected profile changes (the
   *     connection monitor in the app)
   */
  public ShellViewModel(ProfileStore store, Settings initial, BackgroundTasks tasks, Consumer<URI> watcher) {
    this.store = store;
    this.tasks = tasks;
    this.watcher = watcher;
    status.addListener((obs, old, now) -> statusText.set(describe(now)));
    selected.addListener((obs, old, now) -> statusText.set(describe(status.get())));
    apply(initial);
    initial.warning().ifPresent(notice::set);
  }

  public ObservableList<ConnectionProfile> profiles() {
    return FXCollections.unmodifiableObservableList(profiles);
  }

  public ReadOnlyObjectProperty<ConnectionProfile> selectedProfileProperty() {
    return selected.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ConnectionStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusTextProperty() {
    return statusText.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<AppTheme> themeProperty() {
    return theme.getReadOnlyProperty();
  }

  /** A message for the user (settings moved aside, save failed...); empty when there is none. */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** True while the backend answers. */
  public BooleanBinding connected() {
    return Bindings.createBooleanBinding(() -> status.get().state() == ConnectionStatus.State.CONNECTED, status);
  }

  /** Admin pages need an API key on the selected profile. */
  public BooleanBinding canUseAdmin() {
    return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().hasApiKey(), selected);
  }

  /** Called (on the UI thread) with each status the connection monitor reports. */
  public void onStatus(ConnectionStatus next) {
    status.set(next);
  }

  public void select(String profileName) {
    update(settings.withSelected(profileName));
  }

  public void saveProfile(ConnectionProfile profile) {
    update(settings.withProfile(profile));
  }

  public void deleteProfile(String name) {
    update(settings.withoutProfile(name));
  }

  public void toggleTheme() {
    update(settings.withTheme(theme.get() == AppTheme.DARK ? "light" : "dark"));
  }

  public void dismissNotice() {
    notice.set("");
  }

  private void update(Settings next) {
    apply(next);
    Settings toSave = next;
    tasks.run("save settings", () -> {
      store.save(toSave);
      return null;
    }, ok -> { }, error -> notice.set("Your settings could not be saved: " + error.getMessage()));
  }

  private void apply(Settings next) {
    URI before = selected.get() == null ? null : selected.get().backendUrl();
    settings = next;
    profiles.setAll(next.profiles());
    selected.set(next.selected());
    theme.set(AppTheme.fromKey(next.theme()));
    if (!next.selected().backendUrl().equals(before)) {
      watcher.accept(next.selected().backendUrl());
    }
  }

  private String describe(ConnectionStatus s) {
    ConnectionProfile p = selected.get();
    String where = p == null ? "backend" : p.name() + " (" + p.backendUrl() + ")";
    return switch (s.state()) {
      case CONNECTING -> "Connecting to " + where + "…";
      case CONNECTED -> "Connected to " + where + s.latency().map(l -> " · " + l.toMillis() + " ms").orElse("");
      case DISCONNECTED -> "Disconnected from " + where
          + s.problem().map(reason -> ": " + reason).orElse("") + " — retrying";
    };
  }
}
