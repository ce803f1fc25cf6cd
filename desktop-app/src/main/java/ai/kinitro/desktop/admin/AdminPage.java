package ai.kinitro.desktop.admin;

import static ai.kinitro.desktop.view.Views.column;
import static ai.kinitro.desktop.view.Views.number;
import static ai.kinitro.desktop.view.Views.percent;
import static ai.kinitro.desktop.view.Views.shortKey;
import static ai.kinitro.desktop.view.Views.table;

import ai.kinitro.desktop.admin.viewmodel.AdminViewModel;
import ai.kinitro.desktop.admin.viewmodel.ApiKeysViewModel;
import ai.kinitro.desktop.admin.viewmodel.CandidatesViewModel;
import ai.kinitro.desktop.admin.viewmodel.CompetitionsViewModel;
import ai.kinitro.desktop.admin.viewmodel.ValidatorRow;
import ai.kinitro.desktop.admin.viewmodel.ValidatorsViewModel;
import ai.kinitro.desktop.api.ApiKeyInfo;
import ai.kinitro.desktop.api.CompetitionInfo;
import ai.kinitro.desktop.api.EpisodeInfo;
import ai.kinitro.desktop.api.LeaderCandidate;
import ai.kinitro.desktop.api.ResultInfo;
import ai.kinitro.desktop.shell.Page;
import ai.kinitro.desktop.view.Views;
import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The admin console: leader candidates, competitions, API keys and validators as tabs. Without an
 * API key on the selected profile it shows how to add one instead. Only binds to {@link AdminViewModel}.
 */
public final class AdminPage implements Page {
  private final AdminViewModel model;
  private Node view;

  public AdminPage(AdminViewModel model) {
    this.model = model;
  }

  @Override
  public String id() {
    return "admin";
  }

  @Override
  public String title() {
    return "Admin console";
  }

  @Override
  public Node view() {
    if (view == null) {
      view = build();
      model.refresh();
    }
    return view;
  }

  private Node build() {
    TabPane tabs = new TabPane(
        tab("Leader candidates", candidates(model.candidates())),
        tab("Competitions", competitions(model.competitions())),
        tab("API keys", keys(model.keys())),
        tab("Validators", validators(model.validators())));
    tabs.setId("admin-tabs");
    Button refresh = new Button("Refresh");
    refresh.setId("admin-refresh");
    refresh.setOnAction(e -> model.refresh());
    VBox console = new VBox(8, new HBox(8, title("Admin console"), refresh), tabs);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    console.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.canUse().get(), model.canUse()));

    Label needKey = new Label("The admin console needs an admin API key. Add it to the connection profile on the "
        + "Connections page (it is stored in your user config with permissions 600). Spectators and miners need none.");
    needKey.setId("admin-needs-key");
    needKey.setWrapText(true);
    needKey.setMaxWidth(560);
    needKey.visibleProperty().bind(console.visibleProperty().not());
    model.canUse().addListener((obs, old, now) -> {
      if (now) {
        model.refresh();
      }
    });
    StackPane root = new StackPane(console, needKey);
    StackPane.setAlignment(needKey, Pos.TOP_LEFT);
    return root;
  }

  private static Tab tab(String name, Node content) {
    Tab t = new Tab(name, content);
    t.setClosable(false);
    return t;
  }

  private static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TITLE_3);
    return l;
  }

  // --- leader candidates -------------------------------------------------------------------

  private Node candidates(CandidatesViewModel m) {
    TableView<LeaderCandidate> list = table("admin-candidates", m.candidates());
    column(list, "Id", LeaderCandidate::id);
    column(list, "Status", c -> c.status().name().toLowerCase());
    column(list, "Miner", c -> shortKey(c.minerHotkey()));
    column(list, "Avg reward", c -> number(c.avgReward()));
    column(list, "Success", c -> percent(c.successRate()));
    column(list, "Validators", c -> Integer.toString(c.validatorCount()));
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && now != m.selectedProperty().get()) {
        m.selectedProperty().set(now);
      }
    });
    m.selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
    list.setPrefWidth(420);

    GridPane compare = new GridPane(16, 4);
    compare.setId("admin-compare");
    compare.addRow(0, new Label(""), bold("Candidate"), bold("Current leader"));
    String[] rows = {"Miner", "Submission", "Avg reward", "Success rate", "Validators", "Episodes", "Status"};
    for (int i = 0; i < rows.length; i++) {
      int row = i;
      Label cand = new Label();
      cand.setId("admin-compare-candidate-" + i);
      cand.textProperty().bind(Bindings.createStringBinding(() -> cell(Optional.ofNullable(m.selectedProperty().get()), row),
          m.selectedProperty()));
      Label lead = new Label();
      lead.setId("admin-compare-leader-" + i);
      lead.textProperty().bind(Bindings.createStringBinding(() -> m.leaderProperty().get().isEmpty() && row == 0
          ? "no leader yet" : cell(m.leaderProperty().get(), row), m.leaderProperty()));
      compare.addRow(i + 1, new Label(rows[i]), cand, lead);
    }

    TableView<ResultInfo> results = resultsTable("admin-candidate-results", m.candidateResults());
    TableView<ResultInfo> leaderResults = resultsTable("admin-leader-results", m.leaderResults());
    HBox breakdown = new HBox(8, labelled("Candidate per validator", results), labelled("Leader per validator", leaderResults));
    HBox.setHgrow(breakdown.getChildren().get(0), Priority.ALWAYS);
    HBox.setHgrow(breakdown.getChildren().get(1), Priority.ALWAYS);

    TableView<EpisodeInfo> episodes = table("admin-episodes", m.episodes());
    column(episodes, "Validator", e -> shortKey(e.validatorHotkey()));
    column(episodes, "Task", EpisodeInfo::taskId);
    column(episodes, "#", e -> Integer.toString(e.episodeIndex()));
    column(episodes, "Reward", e -> number(e.finalReward()));
    column(episodes, "Success", e -> e.success().map(s -> s ? "yes" : "no").orElse("pending"));
    column(episodes, "Steps", e -> e.steps().map(Object::toString).orElse("–"));
    episodes.setPrefHeight(150);

    TextField note = new TextField();
    note.setId("admin-note");
    note.setPromptText("Note for the audit trail (why)");
    note.textProperty().bindBidirectional(m.noteProperty());
    HBox.setHgrow(note, Priority.ALWAYS);
    Button approve = action("admin-approve", "Approve", Styles.SUCCESS, m.canApprove(), m::approve);
    Button reject = action("admin-reject", "Reject", Styles.DANGER, m.canReject(), m::reject);
    Button unapprove = action("admin-unapprove", "Unapprove", null, m.canUnapprove(), m::unapprove);
    HBox actions = new HBox(8, note, approve, reject, unapprove);
    actions.setAlignment(Pos.CENTER_LEFT);

    VBox detail = new VBox(10, compare, actions,
        Views.feedback("admin-candidates-feedback", m.feedback().textProperty(), m.feedback().errorProperty()),
        breakdown, labelled("Episodes of the candidate", episodes));
    detail.setPadding(new Insets(0, 0, 0, 8));
    SplitPane split = new SplitPane(list, detail);
    split.setDividerPositions(0.38);
    return padded(split);
  }

  private static String cell(Optional<LeaderCandidate> candidate, int row) {
    if (candidate.isEmpty()) {
      return "–";
    }
    LeaderCandidate c = candidate.get();
    return switch (row) {
      case 0 -> shortKey(c.minerHotkey());
      case 1 -> c.submissionId();
      case 2 -> number(c.avgReward());
      case 3 -> percent(c.successRate());
      case 4 -> Integer.toString(c.validatorCount());
      case 5 -> c.totalEpisodes().map(Object::toString).orElse("–");
      default -> c.status().name().toLowerCase() + c.statusReason().map(r -> " (" + r + ")").orElse("");
    };
  }

  private static TableView<ResultInfo> resultsTable(String id, javafx.collections.ObservableList<ResultInfo> items) {
    TableView<ResultInfo> t = table(id, items);
    column(t, "Validator", r -> shortKey(r.validatorHotkey()));
    column(t, "Benchmark", ResultInfo::benchmarkName);
    column(t, "Status", ResultInfo::status);
    column(t, "Avg reward", r -> number(r.avgReward()));
    column(t, "Success", r -> percent(r.successRate()));
    column(t, "Episodes", r -> r.totalEpisodes().map(Object::toString).orElse("–"));
    t.setPrefHeight(120);
    return t;
  }

  // --- competitions ------------------------------------------------------------------------

  private Node competitions(CompetitionsViewModel m) {
    TableView<CompetitionInfo> list = table("admin-competitions", m.competitions());
    column(list, "Id", CompetitionInfo::id);
    column(list, "Name", CompetitionInfo::name);
    column(list, "Points", c -> Integer.toString(c.points()));
    column(list, "Active", c -> c.active() ? "yes" : "no");
    column(list, "Leader", c -> c.currentLeaderHotkey().map(Views::shortKey).orElse("–"));
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> m.selectedProperty().set(now));
    m.selectedProperty().addListener((obs, old, now) -> {
      if (list.getSelectionModel().getSelectedItem() != now) {
        list.getSelectionModel().select(now);
      }
    });
    Button newOne = new Button("New");
    newOne.setId("admin-competition-new");
    newOne.setOnAction(e -> m.startNew());
    Button edit = action("admin-competition-edit", "Edit selected", null, m.hasSelection(), m::editSelected);
    Button activate = action("admin-competition-activate", "Activate", null, m.hasSelection(), () -> m.setActive(true));
    Button deactivate = action("admin-competition-deactivate", "Deactivate", null, m.hasSelection(), () -> m.setActive(false));
    VBox left = new VBox(8, list, new HBox(8, newOne, edit, activate, deactivate));
    VBox.setVgrow(list, Priority.ALWAYS);

    GridPane form = new GridPane(10, 6);
    form.addRow(0, new Label("Name"), field("admin-competition-name", m.nameProperty()));
    form.addRow(1, new Label("Description"), field("admin-competition-description", m.descriptionProperty()));
    form.addRow(2, new Label("Points"), field("admin-competition-points", m.pointsProperty()));
    form.addRow(3, new Label("Min avg reward"), field("admin-competition-min-reward", m.minAvgRewardProperty()));
    form.addRow(4, new Label("Min success rate"), field("admin-competition-min-success", m.minSuccessRateProperty()));
    form.addRow(5, new Label("Win margin"), field("admin-competition-margin", m.winMarginPctProperty()));
    form.addRow(6, new Label("Hold-out (s)"), field("admin-competition-holdout", m.holdoutSecondsProperty()));
    form.addRow(7, new Label("Max archive bytes"), field("admin-competition-max-size", m.maxSizeBytesProperty()));
    TextArea benchmarks = new TextArea();
    benchmarks.setId("admin-competition-benchmarks");
    benchmarks.setPrefRowCount(12);
    benchmarks.setStyle("-fx-font-family: monospace;");
    benchmarks.textProperty().bindBidirectional(m.benchmarksProperty());
    Label editing = new Label();
    editing.textProperty().bind(Bindings.createStringBinding(() -> m.editingProperty().get().isEmpty()
        ? "New competition" : "Editing competition " + m.editingProperty().get(), m.editingProperty()));
    editing.getStyleClass().add(Styles.TEXT_BOLD);
    Button save = new Button("Save");
    save.setId("admin-competition-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.setOnAction(e -> m.save());
    VBox right = new VBox(8, editing, form, new Label("Benchmarks (JSON, validated by the backend)"), benchmarks, save,
        Views.feedback("admin-competitions-feedback", m.feedback().textProperty(), m.feedback().errorProperty()));
    right.setPadding(new Insets(0, 0, 0, 8));
    SplitPane split = new SplitPane(left, right);
    split.setDividerPositions(0.45);
    return padded(split);
  }

  // --- API keys ----------------------------------------------------------------------------

  private Node keys(ApiKeysViewModel m) {
    TableView<ApiKeyInfo> list = table("admin-keys", m.keys());
    column(list, "Id", ApiKeyInfo::id);
    column(list, "Name", ApiKeyInfo::name);
    column(list, "Prefix", k -> k.keyPrefix() + "…");
    column(list, "Role", ApiKeyInfo::role);
    column(list, "Validator", k -> k.associatedHotkey().map(Views::shortKey).orElse("–"));
    column(list, "Active", k -> k.active() ? "yes" : "no");
    column(list, "Expires", k -> Views.time(k.expiresAt()));
    column(list, "Last used", k -> Views.time(k.lastUsedAt()));
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> m.selectedProperty().set(now));

    TextField name = field("admin-key-name", m.nameProperty());
    name.setPromptText("e.g. validator-eu-1");
    ComboBox<String> role = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ApiKeysViewModel.ROLES));
    role.setId("admin-key-role");
    role.valueProperty().bindBidirectional(m.roleProperty());
    TextField description = field("admin-key-description", m.descriptionProperty());
    description.setPromptText("optional");
    TextField hotkey = field("admin-key-hotkey", m.associatedHotkeyProperty());
    hotkey.setPromptText("optional: the validator's SS58 hotkey");
    DatePicker expires = new DatePicker();
    expires.setId("admin-key-expires");
    expires.setPromptText("optional: never");
    expires.valueProperty().bindBidirectional(m.expiresOnProperty());
    Button create = action("admin-key-create", "Create key", Styles.ACCENT, m.canCreate(), m::create);
    Button deactivate = action("admin-key-deactivate", "Deactivate selected", Styles.DANGER, m.canDeactivate(),
        m::deactivateSelected);
    Button activate = action("admin-key-activate", "Activate selected", Styles.SUCCESS, m.canActivate(),
        m::activateSelected);

    TextField secret = new TextField();
    secret.setId("admin-key-secret");
    secret.setEditable(false);
    secret.textProperty().bind(m.createdSecretProperty());
    HBox.setHgrow(secret, Priority.ALWAYS);
    Button copied = new Button("I have copied it");
    copied.setOnAction(e -> m.dismissSecret());
    HBox secretBox = new HBox(8, new Label("Secret (shown once):"), secret, copied);
    secretBox.setAlignment(Pos.CENTER_LEFT);
    secretBox.visibleProperty().bind(m.createdSecretProperty().isNotEmpty());
    secretBox.managedProperty().bind(secretBox.visibleProperty());

    GridPane form = new GridPane(10, 6);
    form.addRow(0, new Label("Name"), name, new Label("Role"), role);
    form.addRow(1, new Label("Description"), description, new Label("Validator hotkey"), hotkey);
    form.addRow(2, new Label("Expires on"), expires, create);
    HBox selectedActions = new HBox(8, activate, deactivate);
    form.add(selectedActions, 3, 2);
    VBox box = new VBox(10, list, form, secretBox,
        Views.feedback("admin-keys-feedback", m.feedback().textProperty(), m.feedback().errorProperty()));
    VBox.setVgrow(list, Priority.ALWAYS);
    return padded(box);
  }

  // --- validators --------------------------------------------------------------------------

  private Node validators(ValidatorsViewModel m) {
    TableView<ValidatorRow> list = table("admin-validators", m.validators());
    column(list, "Hotkey", r -> r.validator().hotkey());
    column(list, "Connected", r -> r.validator().connected() ? "yes" : "no");
    column(list, "Last heartbeat", r -> Views.time(r.validator().lastHeartbeatAt()));
    column(list, "Jobs in flight", r -> Integer.toString(r.jobsInFlight()));
    column(list, "Jobs sent", r -> Long.toString(r.validator().totalJobsSent()));
    column(list, "Results", r -> Long.toString(r.validator().totalResultsReceived()));
    column(list, "Errors", r -> Long.toString(r.validator().totalErrors()));
    VBox box = new VBox(8, list, Views.feedback("admin-validators-feedback", m.feedback().textProperty(), m.feedback().errorProperty()));
    VBox.setVgrow(list, Priority.ALWAYS);
    return padded(box);
  }

  // --- helpers -----------------------------------------------------------------------------

  private static Node padded(Node n) {
    VBox box = new VBox(n);
    VBox.setVgrow(n, Priority.ALWAYS);
    box.setPadding(new Insets(8));
    return box;
  }

  private static Label bold(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TEXT_BOLD);
    return l;
  }

  private static VBox labelled(String text, Node content) {
    VBox box = new VBox(4, bold(text), content);
    VBox.setVgrow(content, Priority.ALWAYS);
    return box;
  }

  private static TextField field(String id, javafx.beans.property.StringProperty property) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(property);
    return f;
  }

  private static Button action(String id, String text, String style, javafx.beans.value.ObservableBooleanValue enabled,
      Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    if (style != null) {
      b.getStyleClass().add(style);
    }
    b.disableProperty().bind(Bindings.createBooleanBinding(() -> !enabled.get(), enabled));
    b.setOnAction(e -> action.run());
    return b;
  }
}
