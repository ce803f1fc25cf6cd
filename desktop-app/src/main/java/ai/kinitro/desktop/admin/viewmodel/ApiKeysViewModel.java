package ai.kinitro.desktop.admin.viewmodel;

import ai.kinitro.desktop.api.AdminApi;
import ai.kinitro.desktop.api.ApiKeyInfo;
import ai.kinitro.desktop.task.BackgroundTasks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * API keys: the list (metadata only), create (optionally bound to a validator hotkey and with an
 * expiry date) with the secret shown once, activate and deactivate. The secret
 * lives only in {@link #createdSecretProperty()} until the admin dismisses it; it is never listed,
 * logged or kept.
 */
public final class ApiKeysViewModel {
  public static final List<String> ROLES = List.of("admin", "validator", "viewer");

  private final Supplier<? extends AdminApi> api;
  private final BackgroundTasks tasks;
  private final ObservableList<ApiKeyInfo> keys = FXCollections.observableArrayList();
  private final ObjectProperty<ApiKeyInfo> selected = new SimpleObjectProperty<>();
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty role = new SimpleStringProperty("validator");
  private final StringProperty description = new SimpleStringProperty("");
  private final StringProperty associatedHotkey = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> expiresOn = new SimpleObjectProperty<>();
  private final ZoneId zone;
  private final ReadOnlyStringWrapper createdSecret = new ReadOnlyStringWrapper("");
  private final Feedback feedback = new Feedback();

  public ApiKeysViewModel(Supplier<? extends AdminApi> api, BackgroundTasks tasks) {
    this(api, tasks, ZoneId.systemDefault());
  }

  /** {@code zone}: where an expiry date starts (the key expires at that day's start there). */
  public ApiKeysViewModel(Supplier<? extends AdminApi> api, BackgroundTasks tasks, ZoneId zone) {
    this.api = api;
    this.tasks = tasks;
    this.zone = zone;
  }

  public ObservableList<ApiKeyInfo> keys() {
    return FXCollections.unmodifiableObservableList(keys);
  }

  public ObjectProperty<ApiKeyInfo> selectedProperty() {
    return selected;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty roleProperty() {
    return role;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  /** Optional SS58 hotkey of the validator a validator key is for; empty for none. */
  public StringProperty associatedHotkeyProperty() {
    return associatedHotkey;
  }

  /** Optional day the key stops working (at the start of that day); null for never. */
  public ObjectProperty<LocalDate> expiresOnProperty() {
    return expiresOn;
  }

  /** The secret of the key just created, until dismissed; empty otherwise. */
  public ReadOnlyStringProperty createdSecretProperty() {
    return createdSecret.getReadOnlyProperty();
  }

  public Feedback feedback() {
    return feedback;
  }

  public BooleanBinding canCreate() {
    return Bindings.createBooleanBinding(() -> !name.get().isBlank() && ROLES.contains(role.get()), name, role);
  }

  public BooleanBinding canActivate() {
    return Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().active(), selected);
  }

  public BooleanBinding canDeactivate() {
    return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().active(), selected);
  }

  public void refresh() {
    tasks.run("load API keys", () -> api.get().apiKeys(), list -> keys.setAll(list),
        e -> feedback.failed("Could not load the API keys", e));
  }

  public void create() {
    String n = name.get().strip();
    String r = role.get();
    String d = description.get();
    Optional<String> hotkey = Optional.of(associatedHotkey.get().strip()).filter(h -> !h.isEmpty());
    Optional<Instant> expires = Optional.ofNullable(expiresOn.get()).map(day -> day.atStartOfDay(zone).toInstant());
    tasks.run("create API key", () -> api.get().createApiKey(n, r, d, hotkey, expires), created -> {
      createdSecret.set(created.secret().orElse(""));
      keys.add(new ApiKeyInfo(created.id(), created.name(), created.description(), created.keyPrefix(), created.role(),
          created.associatedHotkey(), created.active(), created.expiresAt(), created.lastUsedAt(), created.createdAt(),
          Optional.empty()));
      name.set("");
      description.set("");
      associatedHotkey.set("");
      expiresOn.set(null);
      feedback.ok("Created " + r + " key '" + n + "'" + hotkey.map(h -> " for validator " + h).orElse("")
          + expires.map(t -> ", valid until " + t).orElse("") + ". Copy its secret now: it cannot be shown again.");
    }, e -> feedback.failed("Could not create the key", e));
  }

  /** Forgets the shown secret. */
  public void dismissSecret() {
    createdSecret.set("");
  }

  public void activateSelected() {
    ApiKeyInfo k = selected.get();
    if (k == null) {
      return;
    }
    tasks.run("activate API key", () -> api.get().activateApiKey(k.id()), updated -> {
      keys.replaceAll(x -> x.id().equals(updated.id()) ? updated : x);
      selected.set(updated);
      feedback.ok("Activated key '" + updated.name() + "' (" + updated.keyPrefix() + "…); it is accepted again"
          + updated.expiresAt().map(t -> " until " + t).orElse("") + ".");
    }, e -> feedback.failed("Could not activate '" + k.name() + "'", e));
  }

  public void deactivateSelected() {
    ApiKeyInfo k = selected.get();
    if (k == null) {
      return;
    }
    tasks.run("deactivate API key", () -> api.get().deactivateApiKey(k.id()), updated -> {
      keys.replaceAll(x -> x.id().equals(updated.id()) ? updated : x);
      selected.set(updated);
      feedback.ok("Deactivated key '" + updated.name() + "' (" + updated.keyPrefix() + "…); it is refused from now on.");
    }, e -> feedback.failed("Could not deactivate '" + k.name() + "'", e));
  }
}
