package ai.kinitro.desktop.shell.viewmodel;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Which pages exist (by id, in order) and which one is shown. */
public final class NavigationModel {
  private final ObservableList<String> pageIds;
  private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();

  public NavigationModel(List<String> pageIds) {
    if (pageIds.isEmpty()) {
      throw new IllegalArgumentException("at least one page");
    }
    this.pageIds = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(pageIds));
    selected.set(pageIds.getFirst());
  }

  public ObservableList<String> pageIds() {
    return pageIds;
  }

  public ReadOnlyStringProperty selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  public void select(String pageId) {
    if (!pageIds.contains(pageId)) {
      throw new IllegalArgumentException("Unknown page " + pageId);
    }
    selected.set(pageId);
  }
}
