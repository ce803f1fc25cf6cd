package ai.kinitro.desktop.wizard;

import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.chart.ChartStyler;
import ai.kinitro.desktop.chart.EpisodeChart;
import ai.kinitro.desktop.shell.Page;
import ai.kinitro.desktop.shell.StyleClasses;
import ai.kinitro.desktop.wizard.viewmodel.HotkeySource;
import ai.kinitro.desktop.wizard.viewmodel.MinerWizardViewModel;
import ai.kinitro.desktop.wizard.viewmodel.StepStatus;
import ai.kinitro.desktop.wizard.viewmodel.WizardStep;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

/**
 * The miner wizard: one card per step, top to bottom. Each card shows the step's status, its
 * inputs, its message (result, or what went wrong and how to fix it) and a Run / Retry button that
 * is enabled only when the view model allows it. Only binds to {@link MinerWizardViewModel}.
 */
public final class MinerWizardPage implements Page {
  private final MinerWizardViewModel model;
  private final ChartStyler styler;
  private Node view;

  public MinerWizardPage(MinerWizardViewModel model, ChartStyler styler) {
    this.model = model;
    this.styler = styler;
  }

  @Override
  public String id() {
    return "wizard";
  }

  @Override
  public String title() {
    return "Submit an agent";
  }

  @Override
  public Node view() {
    if (view == null) {
      view = build();
      model.loadCompetitions();
    }
    return view;
  }

  private Node build() {
    Label title = new Label("Submit an agent");
    title.getStyleClass().add(Styles.TITLE_3);
    Label help = new Label("Each step checks what it can before anything leaves this machine. A failed step says "
        + "what to fix; Retry runs it again and keeps every step before it.");
    help.setWrapText(true);
    VBox steps = new VBox(10, title, help,
        card(WizardStep.FOLDER, folderInputs()),
        card(WizardStep.VALIDATE, null),
        card(WizardStep.LOCAL_EVAL, chart(model.localSeries(), "Local evaluation")),
        card(WizardStep.HOTKEY, hotkeyInputs()),
        card(WizardStep.PACKAGE, null),
        card(WizardStep.UPLOAD, uploadProgress()),
        card(WizardStep.COMMIT, chainInputs()),
        card(WizardStep.FOLLOW, followView()));
    steps.setPadding(new Insets(4, 12, 12, 4));
    steps.setMaxWidth(900);
    model.passwordPromptProperty().addListener((obs, old, prompt) -> {
      if (prompt != null && !prompt.isEmpty()) {
        Platform.runLater(() -> askPassword(prompt));
      }
    });
    ScrollPane scroll = new ScrollPane(steps);
    scroll.setFitToWidth(true);
    scroll.setId("wizard");
    return scroll;
  }

  private Node card(WizardStep step, Node inputs) {
    String key = step.name().toLowerCase(Locale.ROOT).replace('_', '-');
    Label number = new Label((step.ordinal() + 1) + ".");
    number.getStyleClass().add(Styles.TEXT_BOLD);
    Label name = new Label(step.title() + (step.optional() ? " (optional)" : ""));
    name.getStyleClass().add(Styles.TITLE_4);
    Label badge = new Label();
    badge.setId("wizard-" + key + "-status");
    badge.textProperty().bind(Bindings.createStringBinding(() -> label(model.status(step)), model.statusProperty(step)));
    model.statusProperty(step).addListener((obs, old, now) -> styleBadge(badge, now));
    styleBadge(badge, model.status(step));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Button run = new Button();
    run.setId("wizard-" + key + "-run");
    run.textProperty().bind(Bindings.createStringBinding(() -> switch (model.status(step)) {
      case FAILED -> "Retry";
      case DONE, SKIPPED -> step == WizardStep.FOLLOW ? "Follow again" : "Run again";
      case RUNNING -> "Running…";
      case READY, WAITING -> step == WizardStep.FOLLOW ? "Follow" : "Run";
    }, model.statusProperty(step)));
    run.disableProperty().bind(model.canRun(step).not());
    run.setOnAction(e -> model.run(step));
    HBox header = new HBox(8, number, name, badge, spacer);
    header.setAlignment(Pos.CENTER_LEFT);
    if (step != WizardStep.FOLDER) {
      header.getChildren().add(run);
    }
    if (step.optional()) {
      Button skip = new Button("Skip");
      skip.setId("wizard-" + key + "-skip");
      skip.disableProperty().bind(model.canSkip(step).not());
      skip.setOnAction(e -> model.skip(step));
      header.getChildren().add(skip);
    }
    Label message = new Label();
    message.setId("wizard-" + key + "-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty(step));
    model.statusProperty(step).addListener((obs, old, now) -> {
      message.getStyleClass().removeAll(Styles.DANGER, StyleClasses.FORM_ERROR);
      if (now == StepStatus.FAILED) {
        message.getStyleClass().addAll(Styles.DANGER, StyleClasses.FORM_ERROR);
      }
    });
    VBox card = new VBox(8, header);
    if (inputs != null) {
      card.getChildren().add(inputs);
    }
    card.getChildren().add(message);
    card.setPadding(new Insets(10));
    card.getStyleClass().add("kinitro-card");
    card.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;"
        + " -fx-background-color: -color-bg-subtle;");
    return card;
  }

  private Node folderInputs() {
    TextField folder = new TextField();
    folder.setId("wizard-folder");
    folder.setPromptText("/path/to/my-agent");
    HBox.setHgrow(folder, Priority.ALWAYS);
    model.agentFolderProperty().addListener((obs, old, now) -> folder.setText(now == null ? "" : now.toString()));
    Button browse = new Button("Browse…");
    browse.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("Agent folder");
      File chosen = chooser.showDialog(browse.getScene().getWindow());
      if (chosen != null) {
        model.agentFolderProperty().set(chosen.toPath());
      }
    });
    Button use = new Button("Use this folder");
    use.setId("wizard-use-folder");
    use.setOnAction(e -> model.agentFolderProperty().set(folder.getText().isBlank() ? null : Path.of(folder.getText().strip())));
    folder.setOnAction(use.getOnAction());

    ComboBox<CompetitionInfo> competition = new ComboBox<>(model.competitions());
    competition.setId("wizard-competition");
    competition.setCellFactory(l -> new CompetitionCell());
    competition.setButtonCell(new CompetitionCell());
    competition.valueProperty().bindBidirectional(model.competitionProperty());
    Button reload = new Button("Reload");
    reload.setOnAction(e -> model.loadCompetitions());
    Label problem = new Label();
    problem.getStyleClass().add(Styles.WARNING);
    problem.textProperty().bind(model.competitionsProblemProperty());
    TextField version = new TextField();
    version.setId("wizard-version");
    version.setPromptText("automatic (v<time>)");
    version.textProperty().bindBidirectional(model.versionProperty());

    GridPane grid = form();
    grid.addRow(0, new Label("Folder"), new HBox(6, folder, browse, use));
    grid.addRow(1, new Label("Competition"), new HBox(6, competition, reload, problem));
    grid.addRow(2, new Label("Version"), version);
    return grid;
  }

  private Node hotkeyInputs() {
    ToggleGroup source = new ToggleGroup();
    RadioButton wallet = new RadioButton("Wallet files");
    wallet.setId("wizard-source-wallet");
    wallet.setToggleGroup(source);
    RadioButton uri = new RadioButton("Secret URI (development keys such as //Dave)");
    uri.setId("wizard-source-uri");
    uri.setToggleGroup(source);
    (model.hotkeySourceProperty().get() == HotkeySource.WALLET ? wallet : uri).setSelected(true);
    source.selectedToggleProperty().addListener((obs, old, now) ->
        model.hotkeySourceProperty().set(now == uri ? HotkeySource.SECRET_URI : HotkeySource.WALLET));
    model.hotkeySourceProperty().addListener((obs, old, now) -> (now == HotkeySource.WALLET ? wallet : uri).setSelected(true));

    TextField dir = bound("wizard-wallets-dir", model.walletsDirProperty());
    TextField walletName = bound("wizard-wallet", model.walletNameProperty());
    TextField hotkeyName = bound("wizard-hotkey", model.hotkeyNameProperty());
    PasswordField secret = new PasswordField();
    secret.setId("wizard-secret-uri");
    secret.textProperty().bindBidirectional(model.secretUriProperty());
    for (Node n : new Node[] {dir, walletName, hotkeyName}) {
      n.disableProperty().bind(uri.selectedProperty());
    }
    secret.disableProperty().bind(wallet.selectedProperty());
    Label address = new Label();
    address.setId("wizard-hotkey-address");
    address.textProperty().bind(model.hotkeyAddressProperty());
    GridPane grid = form();
    grid.addRow(0, new Label("Source"), new HBox(12, wallet, uri));
    grid.addRow(1, new Label("Wallets folder"), dir);
    grid.addRow(2, new Label("Wallet / hotkey"), new HBox(6, walletName, hotkeyName));
    grid.addRow(3, new Label("Secret URI"), secret);
    grid.addRow(4, new Label("Address"), address);
    return grid;
  }

  private Node uploadProgress() {
    ProgressBar bar = new ProgressBar();
    bar.setId("wizard-upload-progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(model.uploadProgressProperty());
    return bar;
  }

  private Node chainInputs() {
    TextField chain = bound("wizard-chain-url", model.chainUrlProperty());
    Spinner<Integer> netuid = new Spinner<>(0, 65535, model.netuidProperty().get());
    netuid.setId("wizard-netuid");
    netuid.setEditable(true);
    netuid.valueProperty().addListener((obs, old, now) -> model.netuidProperty().set(now));
    // the profile's remembered netuid may arrive after the page was built (another profile selected)
    model.netuidProperty().addListener((obs, old, now) -> {
      if (!now.equals(netuid.getValue())) {
        netuid.getValueFactory().setValue(now.intValue());
      }
    });
    GridPane grid = form();
    grid.addRow(0, new Label("Chain"), chain);
    grid.addRow(1, new Label("Subnet (netuid)"), netuid);
    return grid;
  }

  private Node followView() {
    ListView<String> jobs = new ListView<>(model.followLines());
    jobs.setId("wizard-follow-jobs");
    jobs.setPrefHeight(80);
    // the realtime channel has no queue-position event: re-read the positions while a job waits
    Timeline queue = new Timeline(new KeyFrame(Duration.millis(MinerWizardViewModel.QUEUE_REFRESH.toMillis()),
        e -> model.refreshQueue()));
    queue.setCycleCount(Animation.INDEFINITE);
    model.queueWatchProperty().addListener((obs, old, watching) -> {
      if (watching) {
        queue.play();
      } else {
        queue.stop();
      }
    });
    return new VBox(8, jobs, chart(model.followSeries(), "Evaluation (live)"));
  }

  private Node chart(ai.kinitro.desktop.chart.viewmodel.EpisodeSeries series, String name) {
    EpisodeChart chart = new EpisodeChart(name, styler);
    chart.show(series);
    chart.view().setPrefHeight(240);
    return chart.view();
  }

  private void askPassword(String prompt) {
    if (!prompt.equals(model.passwordPromptProperty().get())) {
      return;
    }
    Dialog<char[]> dialog = new Dialog<>();
    dialog.setTitle("Hotkey password");
    dialog.setHeaderText(prompt);
    PasswordField field = new PasswordField();
    field.setId("wizard-password");
    dialog.getDialogPane().setContent(field);
    dialog.getDialogPane().setId("password-dialog");
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    if (view != null && view.getScene() != null) {
      dialog.initOwner(view.getScene().getWindow());
    }
    dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
    Platform.runLater(field::requestFocus);
    dialog.showAndWait().ifPresentOrElse(model::submitPassword, model::cancelPassword);
    field.clear();
  }

  private static TextField bound(String id, javafx.beans.property.StringProperty property) {
    TextField field = new TextField();
    field.setId(id);
    field.textProperty().bindBidirectional(property);
    return field;
  }

  private static GridPane form() {
    GridPane grid = new GridPane(10, 6);
    grid.setPadding(new Insets(0, 0, 0, 20));
    return grid;
  }

  private static String label(StepStatus s) {
    return switch (s) {
      case WAITING -> "waiting";
      case READY -> "ready";
      case RUNNING -> "running";
      case DONE -> "done";
      case FAILED -> "failed";
      case SKIPPED -> "skipped";
    };
  }

  private static void styleBadge(Label badge, StepStatus s) {
    badge.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.ACCENT, Styles.TEXT_MUTED);
    badge.getStyleClass().add(switch (s) {
      case DONE, SKIPPED -> Styles.SUCCESS;
      case FAILED -> Styles.DANGER;
      case RUNNING -> Styles.ACCENT;
      case READY, WAITING -> Styles.TEXT_MUTED;
    });
  }

  private static final class CompetitionCell extends ListCell<CompetitionInfo> {
    @Override
    protected void updateItem(CompetitionInfo c, boolean empty) {
      super.updateItem(c, empty);
      setText(empty || c == null ? null : c.name() + " (" + c.id() + ")");
    }
  }
}
