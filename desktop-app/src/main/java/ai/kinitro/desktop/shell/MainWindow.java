package ai.kinitro.desktop.shell;

import ai.kinitro.desktop.connection.ConnectionProfile;
import ai.kinitro.desktop.connection.ConnectionStatus;
import ai.kinitro.desktop.shell.viewmodel.NavigationModel;
import ai.kinitro.desktop.shell.viewmodel.ShellViewModel;
import ai.kinitro.desktop.theme.AppTheme;
import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The shell: a tool bar (profile, theme), the page list on the left, the selected page in the
 * middle, a notice line and the status bar (connection state and latency) at the bottom. It only
 * binds to {@link ShellViewModel} and {@link NavigationModel}.
 */
public final class MainWindow {
  private final BorderPane root = new BorderPane();

  public MainWindow(ShellViewModel shell, List<Page> pages) {
    Map<String, Page> byId = new LinkedHashMap<>();
    pages.forEach(p -> byId.put(p.id(), p));
    NavigationModel navigation = new NavigationModel(List.copyOf(byId.keySet()));

    root.setTop(toolBar(shell));
    root.setLeft(navigationList(navigation, byId));
    StackPane content = new StackPane();
    content.setPadding(new Insets(16));
    content.getChildren().setAll(byId.get(navigation.selectedProperty().get()).view());
    navigation.selectedProperty().addListener((obs, old, id) -> content.getChildren().setAll(byId.get(id).view()));
    root.setCenter(content);
    root.setBottom(bottom(shell));
  }

  public Parent root() {
    return root;
  }

  private static ToolBar toolBar(ShellViewModel shell) {
    Label brand = new Label("Kinitro");
    brand.getStyleClass().add(Styles.TITLE_4);
    ComboBox<ConnectionProfile> profile = new ComboBox<>(shell.profiles());
    profile.setId("profile-select");
    profile.setCellFactory(list -> new ProfileCell());
    profile.setButtonCell(new ProfileCell());
    profile.setValue(shell.selectedProfileProperty().get());
    shell.selectedProfileProperty().addListener((obs, old, now) -> profile.setValue(now));
    profile.setOnAction(e -> {
      ConnectionProfile chosen = profile.getValue();
      if (chosen != null && !chosen.equals(shell.selectedProfileProperty().get())) {
        shell.select(chosen.name());
      }
    });
    ToggleButton dark = new ToggleButton("Dark theme");
    dark.setId("theme-toggle");
    dark.setSelected(shell.themeProperty().get() == AppTheme.DARK);
    shell.themeProperty().addListener((obs, old, now) -> dark.setSelected(now == AppTheme.DARK));
    dark.setOnAction(e -> shell.toggleTheme());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    return new ToolBar(brand, spacer, new Label("Backend"), profile, dark);
  }

  private static ListView<String> navigationList(NavigationModel navigation, Map<String, Page> byId) {
    ListView<String> list = new ListView<>(navigation.pageIds());
    list.setId("navigation");
    list.setPrefWidth(190);
    list.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(String id, boolean empty) {
        super.updateItem(id, empty);
        setText(empty || id == null ? null : byId.get(id).title());
      }
    });
    list.getSelectionModel().select(navigation.selectedProperty().get());
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, id) -> {
      if (id != null) {
        navigation.select(id);
      }
    });
    return list;
  }

  private static Parent bottom(ShellViewModel shell) {
    Label notice = new Label();
    notice.setId("notice");
    notice.getStyleClass().addAll(StyleClasses.NOTICE, Styles.WARNING);
    notice.textProperty().bind(shell.noticeProperty());
    Button dismiss = new Button("Dismiss");
    dismiss.setOnAction(e -> shell.dismissNotice());
    HBox noticeBar = new HBox(8, notice, dismiss);
    noticeBar.setAlignment(Pos.CENTER_LEFT);
    noticeBar.setPadding(new Insets(4, 8, 4, 8));
    noticeBar.visibleProperty().bind(shell.noticeProperty().isNotEmpty());
    noticeBar.managedProperty().bind(noticeBar.visibleProperty());

    Circle light = new Circle(5);
    light.fillProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
        () -> colorOf(shell.statusProperty().get().state()), shell.statusProperty()));
    Label status = new Label();
    status.setId("connection-status");
    status.getStyleClass().add(StyleClasses.STATUS_TEXT);
    status.textProperty().bind(shell.statusTextProperty());
    HBox statusBar = new HBox(8, light, status);
    statusBar.getStyleClass().add(StyleClasses.STATUS_BAR);
    statusBar.setAlignment(Pos.CENTER_LEFT);
    statusBar.setPadding(new Insets(4, 8, 4, 8));
    return new javafx.scene.layout.VBox(noticeBar, statusBar);
  }

  private static Color colorOf(ConnectionStatus.State state) {
    return switch (state) {
      case CONNECTED -> Color.web("#2da44e");
      case CONNECTING -> Color.web("#bf8700");
      case DISCONNECTED -> Color.web("#cf222e");
    };
  }

  private static final class ProfileCell extends ListCell<ConnectionProfile> {
    @Override
    protected void updateItem(ConnectionProfile p, boolean empty) {
      super.updateItem(p, empty);
      setText(empty || p == null ? null : p.name() + (p.hasApiKey() ? " (API key)" : ""));
    }
  }
}
