package ai.kinitro.desktop.connection.viewmodel;

import ai.kinitro.common.error.KinitroException;
import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.shell.viewmodel.ShellViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The profile editor: fields for name, backend URL and API key, filled from the selected profile,
 * validated on save with a message that says what to fix.
 */
public final class ConnectionsViewModel {
  private final ShellViewModel shell;
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty url = new SimpleStringProperty("");
  private final StringProperty apiKey = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public ConnectionsViewModel(ShellViewModel shell) {
    this.shell = shell;
    load(shell.selectedProfileProperty().get());
    shell.selectedProfileProperty().addListener((obs, old, now) -> load(now));
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty urlProperty() {
    return url;
  }

  public StringProperty apiKeyProperty() {
    return apiKey;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public BooleanBinding canSave() {
    return Bindings.createBooleanBinding(() -> !name.get().isBlank() && !url.get().isBlank(), name, url);
  }

  public BooleanBinding canDelete() {
    return Bindings.createBooleanBinding(() -> shell.profiles().size() > 1, shell.profiles());
  }

  /** Saves the form as a profile (replacing one of the same name) and selects it. */
  public boolean save() {
    try {
      ConnectionProfile edited = ConnectionProfile.of(name.get(), url.get(), apiKey.get());
      // the form has no chain fields: a profile saved again keeps the chain the wizard remembered
      ConnectionProfile saved = shell.profiles().stream().filter(p -> p.name().equals(edited.name())).findFirst()
          .map(p -> edited.withChain(p.chainUrl(), p.netuid())).orElse(edited);
      shell.saveProfile(saved);
      error.set("");
      return true;
    } catch (KinitroException e) {
      error.set(e.getMessage());
      return false;
    }
  }

  public void delete() {
    shell.deleteProfile(name.get());
  }

  private void load(ConnectionProfile p) {
    if (p == null) {
      return;
    }
    name.set(p.name());
    url.set(p.backendUrl().toString());
    apiKey.set(p.apiKey().orElse(""));
    error.set("");
  }
}
