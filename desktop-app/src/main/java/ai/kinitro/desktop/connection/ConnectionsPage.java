package ai.kinitro.desktop.connection;

import ai.kinitro.desktop.connection.viewmodel.ConnectionsViewModel;
import ai.kinitro.desktop.shell.Page;
import ai.kinitro.desktop.shell.StyleClasses;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Edit connection profiles: backend URL and (for admins) the API key. */
public final class ConnectionsPage implements Page {
  private final ConnectionsViewModel model;
  private Node view;

  public ConnectionsPage(ConnectionsViewModel model) {
    this.model = model;
  }

  @Override
  public String id() {
    return "connections";
  }

  @Override
  public String title() {
    return "Connections";
  }

  @Override
  public Node view() {
    if (view == null) {
      view = build();
    }
    return view;
  }

  private Node build() {
    Label title = new Label("Connection profile");
    title.getStyleClass().add(Styles.TITLE_3);
    Label help = new Label("Spectators and miners need only the backend URL. Admins add their API key; "
        + "it is stored in your user config with permissions 600 and never shown again in full.");
    help.setWrapText(true);

    TextField name = new TextField();
    name.setId("profile-name");
    name.textProperty().bindBidirectional(model.nameProperty());
    TextField url = new TextField();
    url.setId("profile-url");
    url.setPromptText("http://127.0.0.1:8080");
    url.textProperty().bindBidirectional(model.urlProperty());
    PasswordField key = new PasswordField();
    key.setId("profile-api-key");
    key.setPromptText("optional");
    key.textProperty().bindBidirectional(model.apiKeyProperty());

    GridPane form = new GridPane(12, 8);
    form.addRow(0, new Label("Name"), name);
    form.addRow(1, new Label("Backend URL"), url);
    form.addRow(2, new Label("API key"), key);

    Label error = new Label();
    error.setId("profile-error");
    error.getStyleClass().addAll(StyleClasses.FORM_ERROR, Styles.DANGER);
    error.textProperty().bind(model.errorProperty());
    error.setWrapText(true);

    Button save = new Button("Save and connect");
    save.setId("profile-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.disableProperty().bind(model.canSave().not());
    save.setOnAction(e -> model.save());
    Button delete = new Button("Delete");
    delete.setId("profile-delete");
    delete.disableProperty().bind(model.canDelete().not());
    delete.setOnAction(e -> model.delete());

    VBox box = new VBox(12, title, help, form, error, new HBox(8, save, delete));
    box.setPadding(new Insets(8));
    box.setMaxWidth(640);
    return box;
  }
}
