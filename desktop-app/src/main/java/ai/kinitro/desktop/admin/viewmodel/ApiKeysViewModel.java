package ai.kinitro.desktop.admin.viewmodel;

import ai.kinitro.desktop.api.AdminApi;
import ai.kinitro.desktop.api.ApiKeyInfo;
import ai.kinitro.desktop.task.BackgroundTasks;
import java.util.List;
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
 * API keys: the list (metadata only), create with the secret shown once, deactivate. The secret
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
  private final ReadOnlyStringWrapper createdSecret = new ReadOnlyStringWrapper("");
  private final Feedback feedback = new Feedback();

  public ApiKeysViewModel(Supplier<? extends AdminApi> api, BackgroundTasks tasks) {
    this.api = api;
    this.tasks = tasks;
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
    tasks.run("create API key", () -> api.get().createApiKey(n, r, d), created -> {
      createdSecret.set(created.secret().orElse(""));
      keys.add(new ApiKeyInfo(created.id(), created.name(), created.description(), created.keyPrefix(), created.role(),
          created.associatedHotkey(), created.active(), created.expiresAt(), created.lastUsedAt(), created.createdAt(),
          java.util.Optional.empty()));
      name.set("");
      description.set("");
      feedback.ok("Created " + r + " key '" + n + "'. Copy its secret now: it cannot be shown again.");
    }, e -> feedback.failed("Could not create the key", e));
  }

  /** Forgets the shown secret. */
  public void dismissSecret() {
    createdSecret.set("");
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
